package com.coachintel.leads.domain;

import static com.coachintel.leads.domain.LeadTestData.aLead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LeadTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final String COACH = "coach@example.com";

    @Test
    void replacing_tags_audits_old_and_new_and_bumps_the_version() {
        Lead lead = aLead().withTags("vip").atVersion(4).build();

        LeadUpdate update = lead.updateContact(FieldUpdate.set(List.of(new Tag("vip"), new Tag("webinar"))),
                FieldUpdate.keep(), COACH, NOW);

        assertThat(update.changed()).isTrue();
        assertThat(update.after().tags()).extracting(Tag::value).containsExactly("vip", "webinar");
        assertThat(update.after().version()).isEqualTo(5);
        assertThat(update.after().updatedAt()).isEqualTo(NOW);
        assertThat(update.fieldChanges()).containsExactly(
                new FieldChange(LeadField.TAGS, List.of("vip"), List.of("vip", "webinar")));
        assertThat(update.changedBy()).isEqualTo(COACH);
        assertThat(update.statusChange()).isEmpty();
    }

    @Test
    void setting_and_clearing_the_phone_is_audited() {
        Lead lead = aLead().build();

        LeadUpdate set = lead.updateContact(FieldUpdate.keep(), FieldUpdate.set(new PhoneNumber("+14155550100")), COACH, NOW);
        LeadUpdate cleared = set.after().updateContact(FieldUpdate.keep(), FieldUpdate.clear(), COACH, NOW);

        assertThat(set.fieldChanges()).containsExactly(new FieldChange(LeadField.PHONE, null, "+14155550100"));
        assertThat(cleared.after().phone()).isNull();
        assertThat(cleared.fieldChanges()).containsExactly(new FieldChange(LeadField.PHONE, "+14155550100", null));
        assertThat(cleared.after().version()).isEqualTo(3);
    }

    @Test
    void an_update_that_changes_nothing_is_no_change() {
        Lead lead = aLead().withTags("vip").withPhone("+14155550100").withNotes("hi").build();

        assertThat(lead.updateContact(FieldUpdate.keep(), FieldUpdate.keep(), COACH, NOW).changed()).isFalse();
        assertThat(lead.updateContact(FieldUpdate.set(List.of(new Tag("vip"))), FieldUpdate.set(new PhoneNumber("+14155550100")),
                COACH, NOW).changed()).isFalse();
        assertThat(lead.updateNotes(Notes.parse("hi", "notes"), COACH, NOW).changed()).isFalse();
        LeadUpdate none = lead.updateContact(FieldUpdate.keep(), FieldUpdate.keep(), COACH, NOW);
        assertThat(none.after()).isSameAs(lead);
        assertThat(none.fieldChanges()).isEmpty();
    }

    @Test
    void notes_record_who_and_when_and_empty_clears_them() {
        Lead lead = aLead().build();

        LeadUpdate written = lead.updateNotes(Notes.parse("Prefers mornings", "notes"), COACH, NOW);
        LeadUpdate cleared = written.after().updateNotes(Optional.empty(), "other@example.com", NOW.plusSeconds(60));

        assertThat(written.after().notes()).isEqualTo("Prefers mornings");
        assertThat(written.after().notesUpdatedBy()).isEqualTo(COACH);
        assertThat(written.after().notesUpdatedAt()).isEqualTo(NOW);
        assertThat(written.fieldChanges()).containsExactly(new FieldChange(LeadField.NOTES, null, "Prefers mornings"));
        assertThat(cleared.after().notes()).isNull();
        assertThat(cleared.after().notesUpdatedBy()).isEqualTo("other@example.com");
    }

    @Test
    void status_changes_follow_the_lifecycle_and_carry_the_reason() {
        Lead lead = aLead().withStatus(LeadStatus.WAITLIST).build();

        LeadUpdate update = lead.changeStatus(LeadStatus.INVITED, "cohort opened", COACH, NOW);

        assertThat(update.after().status()).isEqualTo(LeadStatus.INVITED);
        assertThat(update.after().version()).isEqualTo(2);
        assertThat(update.statusChange()).contains(
                new StatusChange(LeadStatus.WAITLIST, LeadStatus.INVITED, COACH, NOW, "cohort opened"));
        assertThat(update.fieldChanges()).isEmpty();
    }

    @Test
    void setting_the_current_status_again_is_no_change() {
        LeadUpdate update = aLead().withStatus(LeadStatus.CONVERTED).build().changeStatus(LeadStatus.CONVERTED, null, COACH, NOW);

        assertThat(update.changed()).isFalse();
        assertThat(update.statusChange()).isEmpty();
    }

    @Test
    void undoing_a_conversion_needs_a_reason_and_is_recorded_as_a_correction() {
        Lead converted = aLead().withStatus(LeadStatus.CONVERTED).build();

        assertThatThrownBy(() -> converted.changeStatus(LeadStatus.WAITLIST, null, COACH, NOW))
                .isInstanceOfSatisfying(InvalidStatusTransitionException.class, e -> assertThat(e.reasonRequired()).isTrue());
        LeadUpdate corrected = converted.changeStatus(LeadStatus.WAITLIST, "clicked Convert by mistake", COACH, NOW);
        assertThat(corrected.statusChange()).contains(new StatusChange(LeadStatus.CONVERTED, LeadStatus.WAITLIST, COACH, NOW,
                "clicked Convert by mistake", true));
        LeadUpdate churned = converted.changeStatus(LeadStatus.LOST, null, COACH, NOW);
        assertThat(churned.statusChange().orElseThrow().correction()).isFalse();
        Lead waitlisted = aLead().withStatus(LeadStatus.WAITLIST).build();
        assertThat(waitlisted.changeStatus(LeadStatus.CONVERTED, null, COACH, NOW).after().status())
                .isEqualTo(LeadStatus.CONVERTED);
    }
}
