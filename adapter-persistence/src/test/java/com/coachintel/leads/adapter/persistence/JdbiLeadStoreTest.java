package com.coachintel.leads.adapter.persistence;

import static com.coachintel.leads.adapter.persistence.LeadRows.aLead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachintel.leads.domain.FieldUpdate;
import com.coachintel.leads.domain.HistoryEntry;
import com.coachintel.leads.domain.LeadDetails;
import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.LeadNotFoundException;
import com.coachintel.leads.domain.LeadStatus;
import com.coachintel.leads.domain.Notes;
import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.PhoneNumber;
import com.coachintel.leads.domain.Tag;
import com.coachintel.leads.domain.VersionMismatchException;
import com.coachintel.leads.domain.port.LeadQueries;
import com.coachintel.leads.domain.port.LeadStore;
import com.coachintel.leads.domain.query.Page;
import com.coachintel.leads.domain.query.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The write side against real PostgreSQL: atomic changes, audit, versions and concurrent writers. */
class JdbiLeadStoreTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final String COACH = "coach@example.com";

    static TestDatabase db;
    static LeadStore store;
    static LeadQueries queries;
    static OrgId org;

    @BeforeAll
    static void open() {
        db = TestPostgres.freshDatabase();
        PostgresPersistence persistence = new PostgresPersistence(db.dataSource());
        store = persistence.leadStore();
        queries = persistence.leadQueries();
        org = new OrgId(LeadRows.insertOrg(db, "Acme"));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    static LeadId newLead(String status, String... tags) {
        return new LeadId(aLead().withStatus(status).withTags(tags).insert(db, org.value()));
    }

    static List<HistoryEntry> history(LeadId id) {
        return queries.history(org, id, new PageRequest(500, 0)).orElseThrow().items();
    }

    @Test
    void stores_tags_and_phone_with_an_audit_entry_each_and_a_new_version() {
        LeadId id = newLead("waitlist", "old");

        store.update(org, id, Optional.empty(), lead -> lead.updateContact(
                FieldUpdate.set(List.of(new Tag("vip"), new Tag("webinar"))), FieldUpdate.set(new PhoneNumber("+14155550100")),
                COACH, NOW));

        LeadDetails details = queries.details(org, id, 10).orElseThrow();
        assertThat(details.lead().tags()).containsExactly(new Tag("vip"), new Tag("webinar"));
        assertThat(details.lead().phone()).isEqualTo("+14155550100");
        assertThat(details.lead().version()).isEqualTo(2);
        assertThat(details.lead().updatedAt()).isEqualTo(NOW);
        assertThat(history(id)).containsExactlyInAnyOrder(
                new HistoryEntry("tags", List.of("old"), List.of("vip", "webinar"), COACH, NOW, null),
                new HistoryEntry("phone", null, "+14155550100", COACH, NOW, null));
    }

    @Test
    void stores_notes_and_status_changes_and_lists_history_newest_first() {
        LeadId id = newLead("waitlist");

        store.update(org, id, Optional.empty(), lead -> lead.updateNotes(Notes.parse("Line one\n\"quoted\"", "notes"), COACH, NOW));
        store.update(org, id, Optional.empty(), lead -> lead.changeStatus(LeadStatus.INVITED, "cohort opened", COACH,
                NOW.plusSeconds(60)));
        store.update(org, id, Optional.empty(), lead -> lead.updateNotes(Optional.empty(), "other@example.com",
                NOW.plusSeconds(120)));

        LeadDetails details = queries.details(org, id, 10).orElseThrow();
        assertThat(details.notes()).isNull();
        assertThat(details.notesUpdatedBy()).isEqualTo("other@example.com");
        assertThat(details.lead().status()).isEqualTo(LeadStatus.INVITED);
        assertThat(details.lead().version()).isEqualTo(4);
        assertThat(details.recentStatusChanges()).singleElement().satisfies(c -> assertThat(c.reason()).isEqualTo("cohort opened"));
        assertThat(history(id)).containsExactly(
                new HistoryEntry("notes", "Line one\n\"quoted\"", null, "other@example.com", NOW.plusSeconds(120), null),
                new HistoryEntry("status", "waitlist", "invited", COACH, NOW.plusSeconds(60), "cohort opened"),
                new HistoryEntry("notes", null, "Line one\n\"quoted\"", COACH, NOW, null));
        Page<HistoryEntry> second = queries.history(org, id, new PageRequest(1, 1)).orElseThrow();
        assertThat(second.total()).isEqualTo(3);
        assertThat(second.items()).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("status"));
    }

    @Test
    void an_unchanged_update_writes_nothing() {
        LeadId id = newLead("converted");

        store.update(org, id, Optional.empty(), lead -> lead.changeStatus(LeadStatus.CONVERTED, null, COACH, NOW));

        assertThat(queries.details(org, id, 10).orElseThrow().lead().version()).isEqualTo(1);
        assertThat(history(id)).isEmpty();
    }

    @Test
    void a_stale_version_fails_and_changes_nothing() {
        LeadId id = newLead("waitlist");
        store.update(org, id, Optional.of(1L), lead -> lead.updateNotes(Notes.parse("v2", "notes"), COACH, NOW));

        assertThatThrownBy(() -> store.update(org, id, Optional.of(1L),
                lead -> lead.updateNotes(Notes.parse("stale", "notes"), COACH, NOW)))
                .isInstanceOfSatisfying(VersionMismatchException.class, e -> assertThat(e.currentVersion()).isEqualTo(2));
        assertThat(queries.details(org, id, 10).orElseThrow().notes()).isEqualTo("v2");
    }

    @Test
    void a_failing_change_rolls_everything_back() {
        LeadId id = newLead("converted");

        assertThatThrownBy(() -> store.update(org, id, Optional.empty(),
                lead -> lead.changeStatus(LeadStatus.WAITLIST, null, COACH, NOW)))
                .hasMessageContaining("needs a reason");
        assertThat(queries.details(org, id, 10).orElseThrow().lead().status()).isEqualTo(LeadStatus.CONVERTED);
    }

    @Test
    void a_correction_is_stored_marked_and_read_back_as_one() {
        LeadId id = newLead("converted");

        store.update(org, id, Optional.empty(),
                lead -> lead.changeStatus(LeadStatus.INVITED, "clicked Convert by mistake", COACH, NOW));

        LeadDetails details = queries.details(org, id, 10).orElseThrow();
        assertThat(details.lead().status()).isEqualTo(LeadStatus.INVITED);
        assertThat(details.recentStatusChanges()).singleElement().satisfies(change -> {
            assertThat(change.correction()).isTrue();
            assertThat(change.reason()).isEqualTo("clicked Convert by mistake");
        });
        assertThat(queries.history(org, id, PageRequest.first()).orElseThrow().items()).singleElement()
                .satisfies(entry -> assertThat(entry.correction()).isTrue());
        // The database refuses a correction without a reason, whoever writes it.
        assertThatThrownBy(() -> db.jdbi().useHandle(h -> h.execute("INSERT INTO lead_status_changes (lead_id, org_id,"
                + " from_status, to_status, changed_by, correction) VALUES (?, ?, 'converted', 'waitlist', 'x', true)",
                id.value(), org.value()))).hasMessageContaining("lead_status_changes_correction_has_reason");
    }

    @Test
    void another_orgs_lead_is_not_found() {
        LeadId id = newLead("waitlist");
        OrgId other = new OrgId(LeadRows.insertOrg(db, "Other " + UUID.randomUUID()));

        assertThatThrownBy(() -> store.update(other, id, Optional.empty(),
                lead -> lead.updateNotes(Notes.parse("x", "notes"), COACH, NOW))).isInstanceOf(LeadNotFoundException.class);
        assertThat(queries.history(other, id, PageRequest.first())).isEmpty();
    }

    @RepeatedTest(10)
    void twenty_concurrent_writers_lose_nothing_and_the_history_chains_to_the_final_state() throws Exception {
        LeadId id = newLead("waitlist");
        int writers = 20;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int i = 0; i < writers; i++) {
                String notes = "writer " + i;
                done.add(pool.submit(() -> {
                    start.await();
                    return store.update(org, id, Optional.empty(), lead -> lead.updateNotes(Notes.parse(notes, "notes"),
                            COACH, Instant.now()));
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }

        LeadDetails details = queries.details(org, id, 10).orElseThrow();
        List<HistoryEntry> history = history(id); // newest first
        assertThat(details.lead().version()).isEqualTo(1 + writers);
        assertThat(history).hasSize(writers);
        assertThat(history.get(0).after()).isEqualTo(details.notes());
        assertThat(history.get(writers - 1).before()).isNull();
        for (int i = 0; i < writers - 1; i++) {
            assertThat(history.get(i).before()).as("entry %d starts where the one before it ended", i)
                    .isEqualTo(history.get(i + 1).after());
        }
        assertThat(history).extracting(HistoryEntry::after).doesNotHaveDuplicates();
    }
}
