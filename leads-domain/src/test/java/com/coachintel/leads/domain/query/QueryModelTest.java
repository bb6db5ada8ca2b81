package com.coachintel.leads.domain.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachintel.leads.domain.Tag;
import com.coachintel.leads.domain.ValidationException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueryModelTest {

    @Test
    void search_terms_are_trimmed_and_blank_means_none() {
        assertThat(SearchTerm.parse("  ada  ", "q")).contains(new SearchTerm("ada"));
        assertThat(SearchTerm.parse("   ", "q")).isEmpty();
        assertThat(SearchTerm.parse(null, "q")).isEmpty();
    }

    @Test
    void search_terms_are_at_most_200_characters() {
        assertThat(SearchTerm.parse("x".repeat(200), "q")).isPresent();
        assertThat(SearchTerm.parse(" " + "x".repeat(200) + " ", "q")).isPresent();
        assertThatThrownBy(() -> SearchTerm.parse("x".repeat(201), "q"))
                .isInstanceOf(ValidationException.class).hasMessage("q: must be at most 200 characters, got 201");
    }

    @Test
    void search_terms_reject_control_characters() {
        assertThatThrownBy(() -> SearchTerm.parse("a\nb", "q")).hasMessageContaining("control characters");
    }

    @Test
    void page_requests_bound_limit_and_offset() {
        assertThat(new PageRequest(1, 0)).isNotNull();
        assertThat(new PageRequest(500, 10_000)).isNotNull();
        assertThatThrownBy(() -> new PageRequest(0, 0)).hasMessage("limit: must be a whole number from 1 to 500, got 0");
        assertThatThrownBy(() -> new PageRequest(501, 0)).hasMessageStartingWith("limit:");
        assertThatThrownBy(() -> new PageRequest(10, -1)).hasMessageStartingWith("offset:");
    }

    @Test
    void created_ranges_reject_a_start_after_the_end_naming_both_ends() {
        Instant day = Instant.parse("2026-01-02T00:00:00Z");
        assertThat(new CreatedRange(day, day.plusNanos(1000))).isNotNull();
        assertThat(new CreatedRange(null, null).isUnbounded()).isTrue();
        assertThatThrownBy(() -> new CreatedRange(day, day)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new CreatedRange(day.plusSeconds(1), day))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(ValidationException.Violation::field).containsExactly("date_from", "date_to"));
    }

    @Test
    void lead_queries_take_at_most_25_tags() {
        Set<Tag> tags = new HashSet<>();
        for (int i = 0; i < 26; i++) {
            tags.add(new Tag("t" + i));
        }
        assertThatThrownBy(() -> new LeadQuery(Optional.empty(), Set.of(), tags, new CreatedRange(null, null),
                PageRequest.first())).hasMessage("tag: at most 25 tags, got 26");
    }
}
