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
    @CsvSource({"WAITLIST,INVITED", "WAITLIST,CONVERTED", "WAITLIST,LOST", "INVITED,WAITLIST", "INVITED,CONVERTED",
        "INVITED,LOST", "LOST,WAITLIST", "LOST,INVITED", "LOST,CONVERTED", "CONVERTED,LOST"})
    void allows_the_moves_of_the_lifecycle_without_a_reason(LeadStatus from, LeadStatus to) {
        assertThat(from.canMoveTo(to)).isTrue();
        assertThat(from.moveTo(to)).isEqualTo(to);
        assertThat(from.move(to, null)).isEqualTo(new LeadStatus.Move(to, false));
    }

    @Test
    void a_converted_lead_goes_back_to_waitlist_or_invited_only_as_a_correction_with_a_reason() {
        assertThat(CONVERTED.move(WAITLIST, "clicked Convert by mistake")).isEqualTo(new LeadStatus.Move(WAITLIST, true));
        assertThat(CONVERTED.move(INVITED, "payment bounced")).isEqualTo(new LeadStatus.Move(INVITED, true));
        for (String missing : new String[] {null, "", "   "}) {
            assertThatThrownBy(() -> CONVERTED.move(WAITLIST, missing))
                    .isInstanceOfSatisfying(InvalidStatusTransitionException.class, e -> {
                        assertThat(e.reasonRequired()).isTrue();
                        assertThat(e.getMessage()).contains("corrects a conversion and needs a reason");
                    });
        }
        assertThat(CONVERTED.canMoveTo(WAITLIST)).isFalse();
        assertThat(CONVERTED.correctionsNext()).isEqualTo(EnumSet.of(WAITLIST, INVITED));
    }

    @Test
    void allows_nothing_else() {
        int plain = 0;
        int corrections = 0;
        for (LeadStatus from : LeadStatus.values()) {
            for (LeadStatus to : LeadStatus.values()) {
                plain += from.canMoveTo(to) ? 1 : 0;
                corrections += from.correctionsNext().contains(to) ? 1 : 0;
            }
        }
        assertThat(plain).isEqualTo(10);
        assertThat(corrections).isEqualTo(2);
        assertThat(CONVERTED.allowedNext()).isEqualTo(EnumSet.of(WAITLIST, INVITED, LOST));
        assertThat(WAITLIST.allowedNext()).isEqualTo(EnumSet.of(INVITED, CONVERTED, LOST));
        assertThat(WAITLIST.correctionsNext()).isEmpty();
    }

    @Test
    void a_refused_move_lists_the_allowed_ones_and_which_need_a_reason() {
        // Every other status is reachable from each, so the one move the table refuses outright is to itself
        // (a lead asked for the status it has is no change: Lead never asks).
        assertThatThrownBy(() -> CONVERTED.move(CONVERTED, null))
                .isInstanceOfSatisfying(InvalidStatusTransitionException.class, e -> assertThat(e.reasonRequired()).isFalse())
                .hasMessageContaining("allowed next statuses: waitlist (as a correction, with a reason), invited (as a"
                        + " correction, with a reason), lost")
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("invalid-status-transition");
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
