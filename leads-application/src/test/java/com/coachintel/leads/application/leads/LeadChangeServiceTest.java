package com.coachintel.leads.application.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachintel.leads.domain.FieldUpdate;
import com.coachintel.leads.domain.HistoryEntry;
import com.coachintel.leads.domain.InvalidStatusTransitionException;
import com.coachintel.leads.domain.LeadDetails;
import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.LeadNotFoundException;
import com.coachintel.leads.domain.LeadStatus;
import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.PhoneNumber;
import com.coachintel.leads.domain.Tag;
import com.coachintel.leads.domain.ValidationException;
import com.coachintel.leads.domain.VersionMismatchException;
import com.coachintel.leads.application.TestPhones;
import com.coachintel.leads.domain.port.PhoneNumberParser;
import com.coachintel.leads.domain.user.Caller;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LeadChangeServiceTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final OrgId ORG = new OrgId(UUID.randomUUID());
    static final Caller COACH = new Caller(ORG, "coach@example.com");
    static final Caller STRANGER = new Caller(new OrgId(UUID.randomUUID()), "stranger@example.com");

    static final PhoneNumberParser PHONES = TestPhones.US;

    final InMemoryLeads store = new InMemoryLeads();
    final LeadChangeService service = new LeadChangeService(store, store, PHONES, Clock.fixed(NOW, ZoneOffset.UTC));

    static ContactUpdate tags(String... values) {
        return new ContactUpdate(FieldUpdate.set(List.of(values)), FieldUpdate.keep());
    }

    static ContactUpdate phone(String value) {
        return new ContactUpdate(FieldUpdate.keep(), value == null ? FieldUpdate.clear() : FieldUpdate.set(value));
    }

    @Test
    void replaces_tags_normalised_and_answers_the_stored_lead() {
        LeadId id = store.add(ORG, LeadStatus.WAITLIST, "old");

        LeadDetails details = service.updateContact(COACH, id, tags(" VIP", "vip", "Webinar"), Optional.empty());

        assertThat(details.lead().tags()).containsExactly(new Tag("vip"), new Tag("webinar"));
        assertThat(details.lead().version()).isEqualTo(2);
        assertThat(details.lead().updatedAt()).isEqualTo(NOW);
        assertThat(store.historyOf(id)).containsExactly(
                new HistoryEntry("tags", List.of("old"), List.of("vip", "webinar"), "coach@example.com", NOW, null));
    }

    @Test
    void parses_phones_through_the_port_and_clears_them_with_null() {
        LeadId id = store.add(ORG, LeadStatus.WAITLIST);

        assertThat(service.updateContact(COACH, id, phone("(415) 555-0100"), Optional.empty()).lead().phone())
                .isEqualTo("+14155550100");
        assertThat(service.updateContact(COACH, id, phone(null), Optional.empty()).lead().phone()).isNull();
        assertThat(store.historyOf(id)).extracting(HistoryEntry::field).containsExactly("phone", "phone");
    }

    @Test
    void names_every_bad_field_and_changes_nothing() {
        LeadId id = store.add(ORG, LeadStatus.WAITLIST, "keep");

        assertThatThrownBy(() -> service.updateContact(COACH, id,
                new ContactUpdate(FieldUpdate.set(List.of("ok", "no,commas")), FieldUpdate.set("12")), Optional.empty()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(ValidationException.Violation::field).containsExactly("tags[1]", "phone"));
        assertThat(store.get(id).tags()).containsExactly(new Tag("keep"));
        assertThat(store.get(id).version()).isEqualTo(1);
    }

    @Test
    void an_empty_update_changes_nothing_and_keeps_the_version() {
        LeadId id = store.add(ORG, LeadStatus.WAITLIST, "vip");

        LeadDetails details = service.updateContact(COACH, id, new ContactUpdate(FieldUpdate.keep(), FieldUpdate.keep()),
                Optional.empty());

        assertThat(details.lead().version()).isEqualTo(1);
        assertThat(store.historyOf(id)).isEmpty();
    }

    @Test
    void notes_record_the_caller_and_reject_more_than_10000_characters() {
        LeadId id = store.add(ORG, LeadStatus.WAITLIST);

        LeadDetails details = service.updateNotes(COACH, id, "Prefers mornings", Optional.empty());

        assertThat(details.notes()).isEqualTo("Prefers mornings");
        assertThat(details.notesUpdatedBy()).isEqualTo("coach@example.com");
        assertThat(details.notesUpdatedAt()).isEqualTo(NOW);
        assertThatThrownBy(() -> service.updateNotes(COACH, id, "x".repeat(10_001), Optional.empty()))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("notes:");
        assertThat(service.updateNotes(COACH, id, "", Optional.empty()).notes()).isNull();
    }

    @Test
    void status_changes_are_recorded_with_their_reason_and_the_same_status_is_a_no_op() {
        LeadId id = store.add(ORG, LeadStatus.WAITLIST);

        LeadDetails invited = service.changeStatus(COACH, id, LeadStatus.INVITED, "  cohort opened ", Optional.empty());
        LeadDetails again = service.changeStatus(COACH, id, LeadStatus.INVITED, null, Optional.empty());

        assertThat(invited.lead().status()).isEqualTo(LeadStatus.INVITED);
        assertThat(again.lead().version()).isEqualTo(2);
        assertThat(store.historyOf(id)).containsExactly(
                new HistoryEntry("status", "waitlist", "invited", "coach@example.com", NOW, "cohort opened"));
    }

    @Test
    void forbidden_transitions_and_long_reasons_change_nothing() {
        LeadId id = store.add(ORG, LeadStatus.CONVERTED);

        assertThatThrownBy(() -> service.changeStatus(COACH, id, LeadStatus.WAITLIST, null, Optional.empty()))
                .isInstanceOf(InvalidStatusTransitionException.class);
        assertThatThrownBy(() -> service.changeStatus(COACH, id, LeadStatus.LOST, "x".repeat(501), Optional.empty()))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("reason:");
        assertThat(store.get(id).version()).isEqualTo(1);
        assertThat(store.historyOf(id)).isEmpty();
    }

    @Test
    void a_stale_version_is_refused_and_the_current_one_accepted() {
        LeadId id = store.add(ORG, LeadStatus.WAITLIST);
        service.updateNotes(COACH, id, "v2", Optional.empty());

        assertThatThrownBy(() -> service.updateNotes(COACH, id, "from v1", Optional.of(1L)))
                .isInstanceOfSatisfying(VersionMismatchException.class, e -> assertThat(e.currentVersion()).isEqualTo(2));
        assertThat(service.updateNotes(COACH, id, "from v2", Optional.of(2L)).notes()).isEqualTo("from v2");
    }

    @Test
    void another_orgs_lead_cannot_be_changed() {
        LeadId id = store.add(ORG, LeadStatus.WAITLIST);

        assertThatThrownBy(() -> service.updateNotes(STRANGER, id, "mine now", Optional.empty()))
                .isInstanceOf(LeadNotFoundException.class);
        assertThatThrownBy(() -> service.changeStatus(STRANGER, id, LeadStatus.INVITED, null, Optional.empty()))
                .isInstanceOf(LeadNotFoundException.class);
        assertThat(store.get(id).version()).isEqualTo(1);
    }
}
