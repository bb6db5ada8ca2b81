package com.coachintel.leads.domain;

import static com.coachintel.leads.domain.LeadStatus.CONVERTED;
import static com.coachintel.leads.domain.LeadStatus.INVITED;
import static com.coachintel.leads.domain.LeadStatus.LOST;
import static com.coachintel.leads.domain.LeadStatus.WAITLIST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeadStatusTest {

    @ParameterizedTest
    @CsvSource({"WAITLIST,INVITED", "WAITLIST,LOST", "INVITED,CONVERTED", "INVITED,LOST", "INVITED,WAITLIST", "LOST,WAITLIST"})
    void allows_the_transitions_of_the_lifecycle(LeadStatus from, LeadStatus to) {
        assertThat(from.canMoveTo(to)).isTrue();
        assertThat(from.moveTo(to)).isEqualTo(to);
    }

    @Test
    void allows_nothing_else() {
        int allowed = 0;
        for (LeadStatus from : LeadStatus.values()) {
            allowed += from.allowedNext().size();
        }
        assertThat(allowed).isEqualTo(6);
        assertThat(CONVERTED.allowedNext()).isEmpty();
        assertThat(LOST.allowedNext()).containsExactly(WAITLIST);
        assertThat(WAITLIST.allowedNext()).isEqualTo(EnumSet.of(INVITED, LOST));
    }

    @Test
    void rejects_transition_from_converted_to_waitlist_naming_both() {
        assertThatThrownBy(() -> CONVERTED.moveTo(WAITLIST))
                .isInstanceOf(InvalidStatusTransitionException.class)
                .hasMessageContaining("from converted to waitlist")
                .hasMessageContaining("converted is final")
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("invalid-status-transition");
    }

    @Test
    void rejects_transition_from_waitlist_to_converted_listing_the_allowed_ones() {
        assertThatThrownBy(() -> WAITLIST.moveTo(CONVERTED))
                .hasMessageContaining("allowed next statuses: invited, lost");
    }

    @Test
    void setting_the_same_status_is_not_a_transition() {
        for (LeadStatus status : LeadStatus.values()) {
            assertThat(status.canMoveTo(status)).isFalse();
        }
    }

    @Test
    void wire_names_round_trip_and_unknown_names_are_empty() {
        for (LeadStatus status : LeadStatus.values()) {
            assertThat(LeadStatus.fromWireName(status.wireName())).contains(status);
        }
        assertThat(LeadStatus.fromWireName("WAITLIST")).isEmpty();
        assertThat(LeadStatus.fromWireName("pending")).isEmpty();
        assertThat(LeadStatus.fromWireName(null)).isEmpty();
    }
}
