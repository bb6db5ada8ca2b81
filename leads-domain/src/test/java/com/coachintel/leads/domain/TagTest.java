package com.coachintel.leads.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TagTest {

    @Test
    void trims_and_lower_cases() {
        assertThat(Tag.parse("  VIP Client ", "tag")).isEqualTo(new Tag("vip client"));
        assertThat(Tag.parse("Q4-promo_2026", "tag").value()).isEqualTo("q4-promo_2026");
        assertThat(Tag.parse("Ünïcödé", "tag").value()).isEqualTo("ünïcödé");
    }

    @Test
    void accepts_exactly_40_characters() {
        assertThat(Tag.parse("a".repeat(40), "tag").value()).hasSize(40);
        assertThatThrownBy(() -> Tag.parse("a".repeat(41), "tags[3]"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations()).singleElement().satisfies(v -> {
                        assertThat(v.field()).isEqualTo("tags[3]");
                        assertThat(v.message()).contains("longer than 40 characters");
                    });
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"a,b", "semi;colon", "dot.ted", "emoji🙂", "<script>", "tab\there"})
    void rejects_other_characters_naming_the_tag(String raw) {
        assertThatThrownBy(() -> Tag.parse(raw, "tag"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("may contain only letters, digits, space, '-' and '_'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void rejects_empty_tags(String raw) {
        assertThatThrownBy(() -> Tag.parse(raw, "tag")).hasMessageContaining("must not be empty");
    }

    @Test
    void the_constructor_accepts_only_normalised_values() {
        assertThatThrownBy(() -> new Tag("VIP")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tag(" vip")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void accepts_exactly_the_characters_of_the_documented_pattern() {
        java.util.regex.Pattern documented = java.util.regex.Pattern.compile("[\\p{L}\\p{N} _-]{1,40}");
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint += codePoint < 0x10000 ? 1 : 13) {
            String raw = "a" + Character.toString(codePoint);
            String normalised = raw.strip().toLowerCase(java.util.Locale.ROOT);
            boolean expected = documented.matcher(normalised).matches();
            boolean accepted;
            try {
                accepted = Tag.parse(raw, "tag").value().equals(normalised);
            } catch (ValidationException e) {
                accepted = false;
            }
            assertThat(accepted).as("U+%04X", codePoint).isEqualTo(expected);
        }
    }
}
