package com.coachintel.leads.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachintel.leads.domain.LeadStatus;
import com.coachintel.leads.domain.Tag;
import com.coachintel.leads.domain.query.CreatedRange;
import com.coachintel.leads.domain.query.LeadFilters;
import com.coachintel.leads.domain.query.SearchTerm;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExportFilterJsonTest {

    static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant BEFORE = Instant.parse("2026-02-01T09:30:00.123456Z");

    /** Each criterion on its own, every one together, and none: each must come back as it went in. */
    static List<LeadFilters> everyCriterion() {
        LeadFilters none = LeadFilters.none();
        return List.of(none,
                none.withSearch(Optional.of(new SearchTerm("O'Brien \"100%\" _x_"))),
                none.withStatuses(Set.of(LeadStatus.WAITLIST)),
                none.withStatuses(Set.of(LeadStatus.values())),
                none.withTags(Set.of(new Tag("vip"))),
                none.withTags(Set.of(new Tag("vip"), new Tag("ünïcödé"), new Tag("q4 promo"))),
                none.withCreated(new CreatedRange(FROM, null)),
                none.withCreated(new CreatedRange(null, BEFORE)),
                none.withCreated(new CreatedRange(FROM, BEFORE)),
                none.withSearch(Optional.of(new SearchTerm("ada"))).withStatuses(Set.of(LeadStatus.LOST, LeadStatus.INVITED))
                        .withTags(Set.of(new Tag("vip"))).withCreated(new CreatedRange(FROM, BEFORE)));
    }

    @Test
    void every_criterion_comes_back_as_it_went_in() {
        for (LeadFilters filters : everyCriterion()) {
            assertThat(ExportFilterJson.decode(ExportFilterJson.encode(filters))).as(filters.toString()).isEqualTo(filters);
        }
    }

    @Test
    void an_unset_criterion_is_left_out_of_the_stored_form() {
        assertThat(ExportFilterJson.encode(LeadFilters.none())).isEqualTo("{}");
        assertThat(ExportFilterJson.encode(LeadFilters.none().withStatuses(Set.of(LeadStatus.LOST, LeadStatus.INVITED))))
                .isEqualTo("{\"statuses\":[\"invited\",\"lost\"]}");
    }

    @Test
    void reads_the_released_code_s_form_with_every_key_and_postgres_timestamps() {
        String released = "{\"q\": null, \"tags\": [], \"statuses\": [\"lost\"], "
                + "\"created_from\": \"2026-01-01T00:00:00+00:00\", \"created_before\": null}";
        assertThat(ExportFilterJson.decode(released)).isEqualTo(LeadFilters.none().withStatuses(Set.of(LeadStatus.LOST))
                .withCreated(new CreatedRange(FROM, null)));
    }

    @Test
    void refuses_a_criterion_it_does_not_know_rather_than_export_more_than_was_asked() {
        assertThatThrownBy(() -> ExportFilterJson.decode("{\"source\": \"waitlist\"}"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unknown criterion 'source'");
        assertThatThrownBy(() -> ExportFilterJson.decode("{\"statuses\": [\"archived\"]}"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ExportFilterJson.decode("[]")).isInstanceOf(IllegalStateException.class);
    }
}
