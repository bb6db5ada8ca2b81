package com.coachintel.leads.domain.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachintel.leads.domain.LeadStatus;
import com.coachintel.leads.domain.Tag;
import com.coachintel.leads.domain.Tags;
import com.coachintel.leads.domain.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    void page_requests_bound_limit_and_offset_without_naming_a_caller_s_field() {
        assertThat(new PageRequest(1, 0)).isNotNull();
        assertThat(new PageRequest(500, 10_000)).isNotNull();
        assertThatThrownBy(() -> new PageRequest(0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a limit must be from 1 to 500, got 0");
        assertThatThrownBy(() -> new PageRequest(501, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PageRequest(10, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void created_ranges_must_hold_an_instant_and_say_so_before_construction() {
        Instant day = Instant.parse("2026-01-02T00:00:00Z");
        assertThat(new CreatedRange(day, day.plusNanos(1000))).isNotNull();
        assertThat(CreatedRange.ALWAYS.isUnbounded()).isTrue();
        assertThat(CreatedRange.canHold(day, day)).isFalse();
        assertThat(CreatedRange.canHold(day, null)).isTrue();
        assertThat(CreatedRange.canHold(null, day)).isTrue();
        assertThatThrownBy(() -> new CreatedRange(day, day)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CreatedRange(day.plusSeconds(1), day)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_filter_takes_at_most_as_many_tags_as_a_lead_may_carry_checked_where_tags_are_parsed() {
        List<String> raw = new ArrayList<>();
        for (int i = 0; i < Tags.MAX_TAGS + 1; i++) {
            raw.add("t" + i);
        }
        assertThatThrownBy(() -> Tags.parseRepeated(raw, "tag")).hasMessage("tag: at most 25 distinct tags, got 26");
        assertThat(Tags.parseRepeated(raw.subList(0, 25), "tag")).hasSize(25);
        assertThatThrownBy(() -> Tags.parseRepeated(List.of("vip", "a,b"), "tag"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(ValidationException.Violation::field).containsExactly("tag"));
    }

    @Test
    void filters_are_built_by_name_and_compare_by_value() {
        LeadFilters invited = LeadFilters.none().withStatuses(Set.of(LeadStatus.INVITED));
        assertThat(invited.statuses()).containsExactly(LeadStatus.INVITED);
        assertThat(invited).isEqualTo(LeadFilters.none().withStatuses(Set.of(LeadStatus.INVITED)))
                .isNotEqualTo(LeadFilters.none());
        assertThat(invited.hashCode()).isEqualTo(LeadFilters.none().withStatuses(Set.of(LeadStatus.INVITED)).hashCode());
        assertThat(LeadFilters.none().isNone()).isTrue();
        assertThat(invited.withStatuses(Set.of()).isNone()).isTrue();
        assertThat(LeadFilters.none().withSearch(SearchTerm.parse("ada@example.com", "q")).toString())
                .as("no personal data in a filter's text").doesNotContain("ada");
    }

    @Test
    void a_visit_calls_the_visitor_once_per_criterion_set_in_a_fixed_order() {
        Instant day = Instant.parse("2026-01-02T00:00:00Z");
        LeadFilters every = LeadFilters.none().withCreated(new CreatedRange(day, null)).withTags(Set.of(new Tag("vip")))
                .withStatuses(Set.of(LeadStatus.LOST)).withSearch(Optional.of(new SearchTerm("ada")));
        assertThat(every.visit(NAMES)).containsExactly("search", "statuses", "tags", "created");
        assertThat(LeadFilters.none().visit(NAMES)).isEmpty();
        assertThat(LeadFilters.none().withTags(Set.of(new Tag("vip"))).visit(NAMES)).containsExactly("tags");
    }

    @Test
    void filters_read_by_a_reader_are_the_filters_it_reads() {
        LeadFilters read = LeadFilters.read(new LeadFilters.Reader() {
            @Override
            public Optional<SearchTerm> search() {
                return Optional.of(new SearchTerm("ada"));
            }

            @Override
            public Set<LeadStatus> statuses() {
                return Set.of(LeadStatus.WAITLIST);
            }

            @Override
            public Set<Tag> tags() {
                return Set.of();
            }

            @Override
            public CreatedRange created() {
                return CreatedRange.ALWAYS;
            }
        });
        assertThat(read).isEqualTo(LeadFilters.none().withSearch(Optional.of(new SearchTerm("ada")))
                .withStatuses(Set.of(LeadStatus.WAITLIST)));
    }

    private static final LeadFilters.Visitor<String> NAMES = new LeadFilters.Visitor<>() {
        @Override
        public String search(SearchTerm term) {
            return "search";
        }

        @Override
        public String statuses(Set<LeadStatus> any) {
            return "statuses";
        }

        @Override
        public String tags(Set<Tag> all) {
            return "tags";
        }

        @Override
        public String created(CreatedRange window) {
            return "created";
        }
    };
}
