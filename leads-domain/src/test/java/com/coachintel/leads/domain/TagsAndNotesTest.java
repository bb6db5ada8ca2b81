package com.coachintel.leads.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagsAndNotesTest {

    @Test
    void tags_are_trimmed_lower_cased_and_de_duplicated_in_order() {
        assertThat(Tags.parse(List.of(" VIP ", "webinar", "vip", "Webinar "), "tags")).extracting(Tag::value)
                .containsExactly("vip", "webinar");
        assertThat(Tags.parse(List.of(), "tags")).isEmpty();
    }

    @Test
    void every_bad_tag_is_named_by_its_position() {
        assertThatThrownBy(() -> Tags.parse(Arrays.asList("ok", "a,b", null, "x".repeat(41)), "tags"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(ValidationException.Violation::field).containsExactly("tags[1]", "tags[2]", "tags[3]"));
    }

    @Test
    void at_most_25_distinct_tags() {
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            tags.add("t" + i);
        }
        tags.add("T0");
        assertThat(Tags.parse(tags, "tags")).hasSize(25);
        tags.add("t25");
        assertThatThrownBy(() -> Tags.parse(tags, "tags")).hasMessage("tags: at most 25 distinct tags, got 26");
    }

    @Test
    void notes_with_half_a_surrogate_pair_are_refused_and_whole_pairs_kept() {
        assertThatThrownBy(() -> Notes.parse("before \ud800 after", "notes"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).singleElement()
                        .satisfies(v -> assertThat(v.message()).contains("half a surrogate pair")));
        assertThatThrownBy(() -> Notes.parse("\udc00 first", "notes")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> TextInput.optional("Ann\ud83d", LeadField.FIRST_NAME, 100)).isInstanceOf(ValidationException.class);
        assertThat(Notes.parse("emoji \ud83d\ude42 kept", "notes")).isPresent();
    }

    @Test
    void notes_up_to_10000_characters_and_empty_is_none() {
        assertThat(Notes.parse("x".repeat(10_000), "notes")).isPresent();
        assertThat(Notes.parse("", "notes")).isEmpty();
        assertThat(Notes.parse(null, "notes")).isEmpty();
        assertThatThrownBy(() -> Notes.parse("x".repeat(10_001), "notes"))
                .hasMessage("notes: must be at most 10000 characters, got 10001");
    }

    @Test
    void phone_numbers_are_e164() {
        assertThat(new PhoneNumber("+447700900123").e164()).isEqualTo("+447700900123");
        assertThatThrownBy(() -> new PhoneNumber("4155550100")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PhoneNumber("+0123")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void field_updates_keep_clear_or_set() {
        assertThat(FieldUpdate.<String>keep().applyTo("a")).isEqualTo("a");
        assertThat(FieldUpdate.<String>clear().applyTo("a")).isNull();
        assertThat(FieldUpdate.set("b").applyTo("a")).isEqualTo("b");
        assertThat(FieldUpdate.keep().isPresent()).isFalse();
    }
}
