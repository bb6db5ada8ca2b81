package com.coachintel.leads.application.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachintel.leads.domain.EmailAddress;
import com.coachintel.leads.domain.FieldUpdate;
import com.coachintel.leads.domain.LeadField;
import com.coachintel.leads.domain.LeadListItem;
import com.coachintel.leads.domain.LeadProfile;
import com.coachintel.leads.domain.NewLead;
import com.coachintel.leads.domain.query.PageRequest;
import com.coachintel.leads.inmemory.InMemoryPersistence;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LeadChangeServiceTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final Instant BEFORE = NOW.minusSeconds(86_400);
    static final Caller STRANGER = new Caller(new OrgId(UUID.randomUUID()), "stranger@example.com");

    static final PhoneNumberParser PHONES = TestPhones.US;

    final InMemoryPersistence memory = new InMemoryPersistence();
    final OrgId org = memory.addOrg("Acme");
    final Caller coach = new Caller(org, "coach@example.com");
    final LeadChangeService service = new LeadChangeService(memory.leadStore(), PHONES,
            Clock.fixed(NOW, ZoneOffset.UTC));
    final Leads store = new Leads();

    /** Leads as the tests set them up (a day before NOW) and look at them. */
    final class Leads {
        private int created;

        /** A lead in {@code status}, reached by the lifecycle's own moves, with these tags, at version 1. */
        LeadId add(LeadStatus status, String... tags) {
            NewLead lead = new NewLead(org, EmailAddress.parse("lead" + (++created) + "@example.com", LeadField.EMAIL),
                    LeadProfile.empty(), Arrays.stream(tags).map(Tag::new).toList(), Optional.empty(), List.of(), "setup",
                    BEFORE);
            LeadId id = memory.leadIntake().create(lead);
            if (status != LeadStatus.WAITLIST) { // set up as stored, not as a change under test
                memory.leadStore().update(org, id, Optional.empty(),
                        current -> current.changeStatus(status, null, "setup", BEFORE));
            }
            return id;
        }

        LeadListItem get(LeadId id) {
            return memory.leadQueries().details(org, id, 0).orElseThrow().lead();
        }

        /** The history the service wrote (NOW), oldest first; the set-up's own entries left out. */
        List<HistoryEntry> historyOf(LeadId id) {
            List<HistoryEntry> newestFirst = memory.leadQueries().history(org, id, new PageRequest(500, 0)).orElseThrow()
                    .items().stream().filter(entry -> entry.changedAt().equals(NOW)).toList();
            List<HistoryEntry> oldestFirst = new ArrayList<>(newestFirst);
            Collections.reverse(oldestFirst);
            return oldestFirst;
        }
    }


    static ContactUpdate tags(String... values) {
        return new ContactUpdate(FieldUpdate.set(List.of(values)), FieldUpdate.keep());
    }

    static ContactUpdate phone(String value) {
        return new ContactUpdate(FieldUpdate.keep(), value == null ? FieldUpdate.clear() : FieldUpdate.set(value));
    }

    @Test
    void replaces_tags_normalised_and_answers_the_stored_lead() {
        LeadId id = store.add(LeadStatus.WAITLIST, "old");

        LeadDetails details = service.updateContact(coach, id, tags(" VIP", "vip", "Webinar"), Optional.empty());

        assertThat(details.lead().tags()).containsExactly(new Tag("vip"), new Tag("webinar"));
        assertThat(details.lead().version()).isEqualTo(2);
        assertThat(details.lead().updatedAt()).isEqualTo(NOW);
        assertThat(store.historyOf(id)).containsExactly(
                new HistoryEntry("tags", List.of("old"), List.of("vip", "webinar"), "coach@example.com", NOW, null));
    }

    @Test
    void parses_phones_through_the_port_and_clears_them_with_null() {
        LeadId id = store.add(LeadStatus.WAITLIST);

        assertThat(service.updateContact(coach, id, phone("(415) 555-0100"), Optional.empty()).lead().phone())
                .isEqualTo("+14155550100");
        assertThat(service.updateContact(coach, id, phone(null), Optional.empty()).lead().phone()).isNull();
        assertThat(store.historyOf(id)).extracting(HistoryEntry::field).containsExactly("phone", "phone");
    }

    @Test
    void names_every_bad_field_and_changes_nothing() {
        LeadId id = store.add(LeadStatus.WAITLIST, "keep");

        assertThatThrownBy(() -> service.updateContact(coach, id,
                new ContactUpdate(FieldUpdate.set(List.of("ok", "no,commas")), FieldUpdate.set("12")), Optional.empty()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(ValidationException.Violation::field).containsExactly("tags[1]", "phone"));
        assertThat(store.get(id).tags()).containsExactly(new Tag("keep"));
        assertThat(store.get(id).version()).isEqualTo(1);
    }

    @Test
    void an_empty_update_changes_nothing_and_keeps_the_version() {
        LeadId id = store.add(LeadStatus.WAITLIST, "vip");

        LeadDetails details = service.updateContact(coach, id, new ContactUpdate(FieldUpdate.keep(), FieldUpdate.keep()),
                Optional.empty());

        assertThat(details.lead().version()).isEqualTo(1);
        assertThat(store.historyOf(id)).isEmpty();
    }

    @Test
    void notes_record_the_caller_and_reject_more_than_10000_characters() {
        LeadId id = store.add(LeadStatus.WAITLIST);

        LeadDetails details = service.updateNotes(coach, id, "Prefers mornings", Optional.empty());

        assertThat(details.notes()).isEqualTo("Prefers mornings");
        assertThat(details.notesUpdatedBy()).isEqualTo("coach@example.com");
        assertThat(details.notesUpdatedAt()).isEqualTo(NOW);
        assertThatThrownBy(() -> service.updateNotes(coach, id, "x".repeat(10_001), Optional.empty()))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("notes:");
        assertThat(service.updateNotes(coach, id, "", Optional.empty()).notes()).isNull();
    }

    @Test
    void status_changes_are_recorded_with_their_reason_and_the_same_status_is_a_no_op() {
        LeadId id = store.add(LeadStatus.WAITLIST);

        LeadDetails invited = service.changeStatus(coach, id, LeadStatus.INVITED, "  cohort opened ", Optional.empty());
        LeadDetails again = service.changeStatus(coach, id, LeadStatus.INVITED, null, Optional.empty());

        assertThat(invited.lead().status()).isEqualTo(LeadStatus.INVITED);
        assertThat(again.lead().version()).isEqualTo(2);
        assertThat(store.historyOf(id)).containsExactly(
                new HistoryEntry("status", "waitlist", "invited", "coach@example.com", NOW, "cohort opened"));
    }

    @Test
    void forbidden_transitions_and_long_reasons_change_nothing() {
        LeadId id = store.add(LeadStatus.CONVERTED);
        long asSetUp = store.get(id).version();

        assertThatThrownBy(() -> service.changeStatus(coach, id, LeadStatus.WAITLIST, null, Optional.empty()))
                .isInstanceOf(InvalidStatusTransitionException.class);
        assertThatThrownBy(() -> service.changeStatus(coach, id, LeadStatus.LOST, "x".repeat(501), Optional.empty()))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("reason:");
        assertThat(store.get(id).version()).isEqualTo(asSetUp);
        assertThat(store.historyOf(id)).isEmpty();
    }

    @Test
    void a_stale_version_is_refused_and_the_current_one_accepted() {
        LeadId id = store.add(LeadStatus.WAITLIST);
        service.updateNotes(coach, id, "v2", Optional.empty());

        assertThatThrownBy(() -> service.updateNotes(coach, id, "from v1", Optional.of(1L)))
                .isInstanceOfSatisfying(VersionMismatchException.class, e -> assertThat(e.currentVersion()).isEqualTo(2));
        assertThat(service.updateNotes(coach, id, "from v2", Optional.of(2L)).notes()).isEqualTo("from v2");
    }

    @Test
    void another_orgs_lead_cannot_be_changed() {
        LeadId id = store.add(LeadStatus.WAITLIST);

        assertThatThrownBy(() -> service.updateNotes(STRANGER, id, "mine now", Optional.empty()))
                .isInstanceOf(LeadNotFoundException.class);
        assertThatThrownBy(() -> service.changeStatus(STRANGER, id, LeadStatus.INVITED, null, Optional.empty()))
                .isInstanceOf(LeadNotFoundException.class);
        assertThat(store.get(id).version()).isEqualTo(1);
    }
}
