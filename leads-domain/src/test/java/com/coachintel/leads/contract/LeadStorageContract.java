package com.coachintel.leads.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachintel.leads.domain.ConsentChannel;
import com.coachintel.leads.domain.ConsentEntry;
import com.coachintel.leads.domain.ConsentStatus;
import com.coachintel.leads.domain.DuplicateLeadException;
import com.coachintel.leads.domain.EmailAddress;
import com.coachintel.leads.domain.FieldUpdate;
import com.coachintel.leads.domain.HistoryEntry;
import com.coachintel.leads.domain.LeadDetails;
import com.coachintel.leads.domain.LeadField;
import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.LeadListItem;
import com.coachintel.leads.domain.LeadNotFoundException;
import com.coachintel.leads.domain.LeadProfile;
import com.coachintel.leads.domain.LeadStatus;
import com.coachintel.leads.domain.LeadUpdate;
import com.coachintel.leads.domain.MessageChannel;
import com.coachintel.leads.domain.MessageEvent;
import com.coachintel.leads.domain.MessageEventType;
import com.coachintel.leads.domain.NewLead;
import com.coachintel.leads.domain.Notes;
import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.PhoneNumber;
import com.coachintel.leads.domain.RecordedConsent;
import com.coachintel.leads.domain.Tag;
import com.coachintel.leads.domain.VersionMismatchException;
import com.coachintel.leads.domain.export.ExportId;
import com.coachintel.leads.domain.export.ExportStatus;
import com.coachintel.leads.domain.export.LeadExport;
import com.coachintel.leads.domain.idempotency.IdempotencyRecords.Claim;
import com.coachintel.leads.domain.idempotency.IdempotencyScope;
import com.coachintel.leads.domain.idempotency.StoredResponse;
import com.coachintel.leads.domain.message.Addressee;
import com.coachintel.leads.domain.message.ProviderReport;
import com.coachintel.leads.domain.port.ConsentLedger;
import com.coachintel.leads.domain.port.LeadExports;
import com.coachintel.leads.domain.port.LeadIntake;
import com.coachintel.leads.domain.port.LeadQueries;
import com.coachintel.leads.domain.port.LeadStore;
import com.coachintel.leads.domain.port.MatchingLeads;
import com.coachintel.leads.domain.port.MessageEventLog;
import com.coachintel.leads.domain.port.RateLimiter;
import com.coachintel.leads.domain.idempotency.IdempotencyRecords;
import com.coachintel.leads.domain.query.CreatedRange;
import com.coachintel.leads.domain.query.EventQuery;
import com.coachintel.leads.domain.query.LeadFilters;
import com.coachintel.leads.domain.query.LeadQuery;
import com.coachintel.leads.domain.query.ListPosition;
import com.coachintel.leads.domain.query.Page;
import com.coachintel.leads.domain.query.PageRequest;
import com.coachintel.leads.domain.query.SearchTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of the storage ports does, as one set of tests (the model is
 * hexagonal-architecture-java's {@code AbstractCartRepositoryTest}): a subclass says how to get the ports and
 * how to add an org, nothing else. Each test works in an org of its own, so one store may serve the whole class.
 */
public abstract class LeadStorageContract {

    /**
     * The ports under test, over one store, and how to add an org to it (no port creates one).
     */
    public record Storage(LeadQueries queries, MatchingLeads matchingLeads, LeadStore store, LeadIntake intake,
            ConsentLedger consents, MessageEventLog messageEvents, LeadExports exports, IdempotencyRecords idempotency,
            RateLimiter rateLimiter, Function<String, OrgId> orgs) {

        OrgId newOrg(String name) {
            return orgs.apply(name);
        }
    }

    /** The implementation under test; may be the same store for every test. */
    protected abstract Storage storage();

    static final Instant DAY = Instant.parse("2026-03-01T09:00:00Z");
    static final String COACH = "coach@example.com";

    Storage storage;
    OrgId org;

    @BeforeEach
    void newOrg() {
        storage = storage();
        org = storage.newOrg("Contract " + UUID.randomUUID());
    }

    static NewLead newLead(OrgId org, String email, String first, String last, Instant createdAt, String... tags) {
        return new NewLead(org, EmailAddress.parse(email, LeadField.EMAIL),
                new LeadProfile(first, last, null, "website", null, null, null),
                java.util.Arrays.stream(tags).map(Tag::new).toList(), Optional.empty(), List.of(), COACH, createdAt);
    }

    LeadId create(String email, String first, String last, Instant createdAt, String... tags) {
        return storage.intake().create(newLead(org, email, first, last, createdAt, tags));
    }

    LeadUpdate move(LeadId lead, LeadStatus to, Instant at) {
        return storage.store().update(org, lead, Optional.empty(), current -> current.changeStatus(to, null, COACH, at))
                .update();
    }

    List<LeadId> ids(LeadFilters filters) {
        return storage.queries().list(org, LeadQuery.all().withFilters(filters).withPage(new PageRequest(500, 0))).items()
                .stream().map(LeadListItem::id).toList();
    }

    long total(LeadFilters filters) {
        return storage.queries().list(org, LeadQuery.all().withFilters(filters)).total();
    }

    @Test
    void leads_are_listed_newest_first_with_an_exact_total_in_pages() {
        List<LeadId> newestFirst = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            newestFirst.add(0, create("page" + i + "@example.com", "Page", "Lead" + i, DAY.plusSeconds(i)));
        }

        Page<LeadListItem> second = storage.queries().list(org, LeadQuery.all().withPage(new PageRequest(3, 3)));
        Page<LeadListItem> pastTheEnd = storage.queries().list(org, LeadQuery.all().withPage(new PageRequest(3, 9)));

        assertThat(ids(LeadFilters.none())).containsExactlyElementsOf(newestFirst);
        assertThat(second.items()).extracting(LeadListItem::id).containsExactlyElementsOf(newestFirst.subList(3, 6));
        assertThat(second.total()).isEqualTo(7);
        assertThat(pastTheEnd.items()).isEmpty();
        assertThat(pastTheEnd.total()).isEqualTo(7);
        LeadListItem first = storage.queries().list(org, LeadQuery.all()).items().get(6);
        assertThat(first.email()).isEqualTo("page0@example.com");
        assertThat(first.status()).isEqualTo(LeadStatus.WAITLIST);
        assertThat(first.createdAt()).isEqualTo(DAY);
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.source()).isEqualTo("website");
    }

    /** Walks the whole list {@code limit} at a time, each page after the last lead of the one before. */
    List<LeadId> walk(LeadFilters filters, int limit, Runnable betweenPages) {
        List<LeadId> seen = new ArrayList<>();
        Page<LeadListItem> page = storage.queries().list(org, LeadQuery.all().withFilters(filters)
                .withPage(new PageRequest(limit, 0)));
        while (true) {
            page.items().forEach(lead -> seen.add(lead.id()));
            assertThat(page.items().size()).isLessThanOrEqualTo(limit);
            if (!page.hasMore()) {
                return seen;
            }
            assertThat(page.items()).hasSize(limit);
            LeadListItem last = page.items().get(page.items().size() - 1);
            betweenPages.run();
            page = storage.queries().list(org, LeadQuery.all().withFilters(filters).withPage(new PageRequest(limit, 0))
                    .after(new ListPosition(last.createdAt(), last.id())));
            assertThat(page.offset()).isZero();
        }
    }

    @Test
    void a_walk_after_positions_returns_every_lead_once_in_list_order_with_exact_totals() {
        for (int i = 0; i < 9; i++) { // three leads per instant: ties are broken by id
            create("walk" + i + "@example.com", "Walk", "Er" + i, DAY.plusSeconds(i / 3), i % 2 == 0 ? "even" : "odd");
        }
        LeadFilters even = LeadFilters.none().withTags(Set.of(new Tag("even")));
        for (LeadFilters filters : List.of(LeadFilters.none(), even)) {
            List<LeadId> listed = ids(filters);
            for (int limit : new int[] {1, 2, 4, 9, 10}) {
                assertThat(walk(filters, limit, () -> { })).as(filters + " by " + limit).containsExactlyElementsOf(listed);
            }
        }
        LeadListItem oldest = storage.queries().list(org, LeadQuery.all().withPage(new PageRequest(500, 0))).items().get(8);
        Page<LeadListItem> pastTheEnd = storage.queries().list(org, LeadQuery.all()
                .after(new ListPosition(oldest.createdAt(), oldest.id())));
        assertThat(pastTheEnd.items()).isEmpty();
        assertThat(pastTheEnd.total()).isEqualTo(9);
        assertThat(pastTheEnd.hasMore()).isFalse();
        Page<LeadListItem> evenPage = storage.queries().list(org, LeadQuery.all().withFilters(even)
                .withPage(new PageRequest(2, 0)).after(new ListPosition(DAY.plusSeconds(2), oldest.id())));
        assertThat(evenPage.total()).as("the filter's exact total on every page").isEqualTo(5);
    }

    @Test
    void a_walk_is_stable_while_leads_are_inserted_no_repeats_and_no_gaps() {
        for (int i = 0; i < 6; i++) {
            create("stable" + i + "@example.com", "Sta", "Ble" + i, DAY.plusSeconds(10 * i));
        }
        List<LeadId> before = ids(LeadFilters.none());
        List<LeadId> newer = new ArrayList<>();
        List<LeadId> older = new ArrayList<>();
        int[] inserts = {0};
        List<LeadId> walked = walk(LeadFilters.none(), 2, () -> {
            int n = inserts[0]++;
            newer.add(create("newer" + n + "@example.com", "New", null, DAY.plusSeconds(1000 + n)));
            older.add(create("older" + n + "@example.com", "Old", null, DAY.minusSeconds(1000 + n)));
        });

        // Leads inserted ahead of the walk are not met; those inserted behind it are, once, in their place.
        List<LeadId> expected = new ArrayList<>(before);
        expected.addAll(older);
        assertThat(walked).containsExactlyElementsOf(expected).doesNotContainAnyElementsOf(newer).doesNotHaveDuplicates();
    }

    @Test
    void every_filter_alone_and_together_matches_the_same_leads_with_the_same_totals() {
        LeadId ada = create("ada@example.com", "Ada", "Lovelace", DAY, "vip", "newsletter");
        LeadId grace = create("grace@example.com", "Grace", "Hopper", DAY.plusSeconds(60), "vip");
        LeadId alan = create("alan@example.com", "Alan", "Turing", DAY.plusSeconds(120));
        LeadId percent = create("percent@example.com", "100%", "Sure_Thing", DAY.plusSeconds(180), "newsletter");
        move(grace, LeadStatus.INVITED, DAY.plusSeconds(600));
        move(alan, LeadStatus.LOST, DAY.plusSeconds(600));

        Map<LeadFilters, List<LeadId>> expected = Map.ofEntries(
                Map.entry(LeadFilters.none(), List.of(percent, alan, grace, ada)),
                Map.entry(LeadFilters.none().withStatuses(Set.of(LeadStatus.INVITED)), List.of(grace)),
                Map.entry(LeadFilters.none().withStatuses(Set.of(LeadStatus.WAITLIST, LeadStatus.LOST)), List.of(percent, alan, ada)),
                Map.entry(LeadFilters.none().withTags(Set.of(new Tag("vip"))), List.of(grace, ada)),
                Map.entry(LeadFilters.none().withTags(Set.of(new Tag("vip"), new Tag("newsletter"))), List.of(ada)),
                Map.entry(LeadFilters.none().withSearch(SearchTerm.parse("ADA LOVE", "q")), List.of(ada)),
                Map.entry(LeadFilters.none().withSearch(SearchTerm.parse("%", "q")), List.of(percent)),
                Map.entry(LeadFilters.none().withSearch(SearchTerm.parse("e_t", "q")), List.of(percent)),
                Map.entry(LeadFilters.none().withSearch(SearchTerm.parse("exa_ple", "q")), List.<LeadId>of()),
                Map.entry(LeadFilters.none().withCreated(new CreatedRange(DAY.plusSeconds(60), DAY.plusSeconds(180))), List.of(alan, grace)),
                Map.entry(LeadFilters.none().withSearch(SearchTerm.parse("a", "q")).withStatuses(Set.of(LeadStatus.WAITLIST,
                        LeadStatus.INVITED)).withTags(Set.of(new Tag("vip"))).withCreated(new CreatedRange(DAY.plusSeconds(1),
                        null)), List.of(grace)));
        expected.forEach((filters, ids) -> {
            assertThat(ids(filters)).as(filters.toString()).containsExactlyElementsOf(ids);
            assertThat(total(filters)).as("total of " + filters).isEqualTo(ids.size());
        });
    }

    @Test
    void an_org_sees_only_its_own_leads_and_an_email_is_unique_per_org_ignoring_case() {
        LeadId mine = create("Same@Example.com", "Mine", null, DAY);
        OrgId other = storage.newOrg("Other " + UUID.randomUUID());
        LeadId theirs = storage.intake().create(newLead(other, "same@example.com", "Theirs", null, DAY));

        assertThatThrownBy(() -> create("SAME@example.COM", "Again", null, DAY))
                .isInstanceOfSatisfying(DuplicateLeadException.class, e -> assertThat(e.existing()).isEqualTo(mine));
        assertThat(ids(LeadFilters.none())).containsExactly(mine);
        assertThat(storage.queries().details(org, theirs, 5)).isEmpty();
        assertThat(storage.queries().history(org, theirs, PageRequest.first())).isEmpty();
        assertThat(storage.queries().events(org, theirs, EventQuery.all())).isEmpty();
        assertThat(storage.consents().list(org, theirs, PageRequest.first())).isEmpty();
        assertThatThrownBy(() -> storage.store().update(org, theirs, Optional.empty(),
                lead -> lead.changeStatus(LeadStatus.LOST, null, COACH, DAY))).isInstanceOf(LeadNotFoundException.class);
    }

    @Test
    void an_update_checks_the_version_bumps_it_and_leaves_history() {
        LeadId lead = create("versioned@example.com", "Ver", "Sion", DAY);

        assertThatThrownBy(() -> storage.store().update(org, lead, Optional.of(7L),
                current -> current.changeStatus(LeadStatus.INVITED, null, COACH, DAY.plusSeconds(1))))
                .isInstanceOfSatisfying(VersionMismatchException.class, e -> assertThat(e.currentVersion()).isEqualTo(1));
        LeadStore.Written invited = storage.store().update(org, lead, Optional.of(1L),
                current -> current.changeStatus(LeadStatus.INVITED, "call booked", COACH, DAY.plusSeconds(1)));
        storage.store().update(org, lead, Optional.of(2L), current -> current.updateContact(
                FieldUpdate.set(List.of(new Tag("vip"))), FieldUpdate.set(new PhoneNumber("+14155550123")), COACH,
                DAY.plusSeconds(2)));
        LeadStore.Written same = storage.store().update(org, lead, Optional.empty(), current -> current.updateContact(
                FieldUpdate.set(List.of(new Tag("vip"))), FieldUpdate.keep(), COACH, DAY.plusSeconds(3)));
        storage.store().update(org, lead, Optional.of(3L),
                current -> current.updateNotes(Notes.parse("Prefers mornings", "notes"), COACH, DAY.plusSeconds(4)));

        assertThat(invited.update().after().version()).isEqualTo(2);
        assertThat(invited.lead().lead().version()).as("the answer is the lead as the write left it").isEqualTo(2);
        assertThat(invited.lead().lead().status()).isEqualTo(LeadStatus.INVITED);
        assertThat(invited.lead().recentStatusChanges()).hasSize(1);
        assertThat(same.update().changed()).isFalse();
        assertThat(same.lead().lead().version()).isEqualTo(3);
        LeadDetails details = storage.queries().details(org, lead, 5).orElseThrow();
        assertThat(details.lead().version()).isEqualTo(4);
        assertThat(details.lead().status()).isEqualTo(LeadStatus.INVITED);
        assertThat(details.lead().tags()).containsExactly(new Tag("vip"));
        assertThat(details.lead().phone()).isEqualTo("+14155550123");
        assertThat(details.notes()).isEqualTo("Prefers mornings");
        assertThat(details.notesUpdatedBy()).isEqualTo(COACH);
        assertThat(details.recentStatusChanges()).singleElement().satisfies(change -> {
            assertThat(change.from()).isEqualTo(LeadStatus.WAITLIST);
            assertThat(change.to()).isEqualTo(LeadStatus.INVITED);
            assertThat(change.reason()).isEqualTo("call booked");
        });
        Page<HistoryEntry> history = storage.queries().history(org, lead, PageRequest.first()).orElseThrow();
        assertThat(history.items()).extracting(HistoryEntry::field)
                .containsExactly("notes", "phone", "tags", "status", "created");
        assertThat(history.total()).isEqualTo(5);
        assertThat(history.items().get(1).after()).isEqualTo("+14155550123");
        assertThat(history.items().get(2).before()).isEqualTo(List.of());
        assertThat(history.items().get(2).after()).isEqualTo(List.of("vip"));
        assertThat(history.items().get(3).before()).isEqualTo("waitlist");
        assertThat(storage.queries().history(org, lead, new PageRequest(2, 4)).orElseThrow().items())
                .extracting(HistoryEntry::field).containsExactly("created");
    }

    @Test
    void concurrent_writers_of_one_lead_lose_nothing() throws Exception {
        LeadId lead = create("busy@example.com", "Busy", null, DAY);
        int writers = 4;
        int eachAdds = 5;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < eachAdds; i++) {
                        Tag tag = new Tag("w" + writer + "-" + i);
                        storage.store().update(org, lead, Optional.empty(), current -> {
                            List<Tag> tags = new ArrayList<>(current.tags());
                            tags.add(tag);
                            return current.updateContact(FieldUpdate.set(tags), FieldUpdate.keep(), COACH, DAY);
                        });
                    }
                    return null;
                }));
            }
            for (Future<?> writer : done) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        LeadListItem after = storage.queries().details(org, lead, 0).orElseThrow().lead();
        assertThat(after.tags()).hasSize(writers * eachAdds);
        assertThat(after.version()).isEqualTo(1 + writers * eachAdds);
    }

    @Test
    void a_capture_of_a_known_email_fills_only_blanks_and_appends_its_consents() {
        ConsentEntry optIn = new ConsentEntry(ConsentChannel.EMAIL, ConsentStatus.GRANTED, DAY, "waitlist_form", "v1",
                "203.0.113.7", "Mozilla/5.0", "waitlist_form");
        NewLead first = new NewLead(org, EmailAddress.parse("capture@example.com", LeadField.EMAIL),
                new LeadProfile("Cap", null, null, "waitlist", null, null, null), List.of(), Optional.empty(), List.of(optIn),
                "waitlist_form", DAY);
        NewLead again = new NewLead(org, EmailAddress.parse("CAPTURE@example.com", LeadField.EMAIL),
                new LeadProfile("Other", "Ture", null, "ads", "google", null, null), List.of(), Optional.empty(),
                List.of(new ConsentEntry(ConsentChannel.EMAIL, ConsentStatus.REVOKED, DAY.plusSeconds(60), "waitlist_form",
                        "v1", "203.0.113.7", "Mozilla/5.0", "waitlist_form")), "waitlist_form", DAY.plusSeconds(60));

        LeadIntake.CaptureOutcome created = storage.intake().capture(first);
        LeadIntake.CaptureOutcome completed = storage.intake().capture(again);

        assertThat(created.created()).isTrue();
        assertThat(completed.created()).isFalse();
        assertThat(completed.lead()).isEqualTo(created.lead());
        assertThat(completed.filled()).containsExactly(LeadField.LAST_NAME, LeadField.UTM_SOURCE);
        LeadDetails details = storage.queries().details(org, created.lead(), 5).orElseThrow();
        assertThat(details.lead().firstName()).isEqualTo("Cap");
        assertThat(details.lead().lastName()).isEqualTo("Ture");
        assertThat(details.lead().source()).isEqualTo("waitlist");
        assertThat(details.lead().version()).isEqualTo(2);
        assertThat(details.emailConsent()).hasValueSatisfying(consent -> assertThat(consent.granted()).isFalse());
        assertThat(details.smsConsent()).isEmpty();
        assertThat(storage.queries().history(org, created.lead(), PageRequest.first()).orElseThrow().items())
                .extracting(HistoryEntry::field).contains("captured", "consent_email", "created");
    }

    @Test
    void the_consent_ledger_pages_newest_captured_first_and_the_detail_shows_the_one_in_force() {
        LeadId lead = create("consent@example.com", "Con", "Sent", DAY);
        ConsentLedger.Appended granted = storage.consents().append(org, lead, new ConsentEntry(ConsentChannel.SMS,
                ConsentStatus.GRANTED, DAY.plusSeconds(60), "call", "v2", null, null, COACH));
        // Captured earlier than the one in force: kept in the ledger, changes nothing in force.
        ConsentLedger.Appended late = storage.consents().append(org, lead, new ConsentEntry(ConsentChannel.SMS,
                ConsentStatus.REVOKED, DAY.plusSeconds(30), "paper form", "v1", null, null, COACH));

        assertThat(granted.leadVersion()).isEqualTo(2);
        assertThat(late.leadVersion()).isEqualTo(3);
        Page<RecordedConsent> ledger = storage.consents().list(org, lead, PageRequest.first()).orElseThrow();
        assertThat(ledger.total()).isEqualTo(2);
        assertThat(ledger.items()).extracting(c -> c.entry().source()).containsExactly("call", "paper form");
        assertThat(storage.consents().list(org, lead, new PageRequest(1, 1)).orElseThrow().items())
                .extracting(c -> c.entry().source()).containsExactly("paper form");
        LeadDetails details = storage.queries().details(org, lead, 0).orElseThrow();
        assertThat(details.smsConsent()).hasValueSatisfying(consent -> {
            assertThat(consent.granted()).isTrue();
            assertThat(consent.source()).isEqualTo("call");
        });
        assertThat(details.lead().version()).isEqualTo(3);
        assertThatThrownBy(() -> storage.consents().append(org, new LeadId(UUID.randomUUID()), new ConsentEntry(
                ConsentChannel.SMS, ConsentStatus.GRANTED, DAY, "call", "v2", null, null, COACH)))
                .isInstanceOf(LeadNotFoundException.class);
    }

    static ProviderReport report(String key, MessageChannel channel, MessageEventType type, Instant at, String address,
            Optional<ProviderReport.ConsentChange> consent, boolean contacted) {
        return new ProviderReport("postmark", key, channel, type, at, address, Optional.empty(), "msg-" + key, "{}",
                ProviderReport.Scope.MESSAGE, consent, contacted);
    }

    @Test
    void a_provider_event_is_recorded_once_per_key_and_moves_last_contacted_forward_only() {
        LeadId lead = create("events@example.com", "Ev", "Ents", DAY);
        Addressee addressee = storage.messageEvents().byId(lead).orElseThrow();

        boolean first = storage.messageEvents().record(addressee, report("d1", MessageChannel.EMAIL,
                MessageEventType.DELIVERED, DAY.plusSeconds(60), "events@example.com", Optional.empty(), true));
        boolean redelivered = storage.messageEvents().record(addressee, report("d1", MessageChannel.EMAIL,
                MessageEventType.DELIVERED, DAY.plusSeconds(60), "events@example.com", Optional.empty(), true));
        storage.messageEvents().record(addressee, report("o1", MessageChannel.EMAIL, MessageEventType.OPENED,
                DAY.plusSeconds(120), "events@example.com", Optional.empty(), false));
        storage.messageEvents().record(addressee, report("d0", MessageChannel.EMAIL, MessageEventType.DELIVERED,
                DAY.plusSeconds(30), "events@example.com", Optional.empty(), true));
        storage.messageEvents().record(addressee, report("b1", MessageChannel.EMAIL, MessageEventType.BOUNCED,
                DAY.plusSeconds(180), "events@example.com",
                Optional.of(new ProviderReport.ConsentChange(ConsentStatus.REVOKED, "HardBounce")), false));

        assertThat(first).isTrue();
        assertThat(redelivered).isFalse();
        LeadDetails details = storage.queries().details(org, lead, 0).orElseThrow();
        assertThat(details.lead().lastContactedAt()).isEqualTo(DAY.plusSeconds(60));
        assertThat(details.lead().version()).as("the delivery and the bounce, once each").isEqualTo(3);
        assertThat(details.emailConsent()).hasValueSatisfying(consent -> assertThat(consent.granted()).isFalse());
        Page<MessageEvent> all = storage.queries().events(org, lead, EventQuery.all()).orElseThrow();
        assertThat(all.total()).isEqualTo(4);
        assertThat(all.items()).extracting(MessageEvent::type).containsExactly(MessageEventType.BOUNCED,
                MessageEventType.OPENED, MessageEventType.DELIVERED, MessageEventType.DELIVERED);
        Page<MessageEvent> deliveries = storage.queries().events(org, lead,
                new EventQuery(Set.of(MessageEventType.DELIVERED), Set.of(MessageChannel.EMAIL), new PageRequest(1, 1)))
                .orElseThrow();
        assertThat(deliveries.total()).isEqualTo(2);
        assertThat(deliveries.items()).extracting(MessageEvent::providerMessageId).containsExactly("msg-d0");
        assertThat(storage.queries().events(org, lead, new EventQuery(Set.of(), Set.of(MessageChannel.SMS),
                PageRequest.first())).orElseThrow().total()).isZero();
    }

    @Test
    void providers_find_leads_by_address_across_orgs() {
        LeadId mine = create("Shared@Example.com", "Mine", null, DAY);
        OrgId other = storage.newOrg("Other " + UUID.randomUUID());
        LeadId theirs = storage.intake().create(newLead(other, "shared@example.com", "Theirs", null, DAY.plusSeconds(1)));

        assertThat(storage.messageEvents().byEmail("shared@example.com")).extracting(Addressee::lead)
                .containsSubsequence(mine, theirs);
        assertThat(storage.messageEvents().byId(theirs)).hasValueSatisfying(a -> assertThat(a.org()).isEqualTo(other));
        assertThat(storage.messageEvents().byId(new LeadId(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void streaming_hands_over_exactly_what_the_list_shows() throws IOException {
        for (int i = 0; i < 5; i++) {
            create("stream" + i + "@example.com", "Stream", null, DAY.plusSeconds(i), i % 2 == 0 ? "even" : "odd");
        }
        for (LeadFilters filters : List.of(LeadFilters.none(), LeadFilters.none().withTags(Set.of(new Tag("even"))))) {
            List<LeadListItem> streamed = new ArrayList<>();
            long count = storage.matchingLeads().forEach(org, filters, streamed::add);
            assertThat(streamed).containsExactlyElementsOf(storage.queries()
                    .list(org, LeadQuery.all().withFilters(filters)).items());
            assertThat(count).isEqualTo(streamed.size());
        }
    }

    @Test
    void exports_are_org_scoped_listed_newest_first_keep_their_file_and_expire() throws IOException {
        LeadFilters filters = LeadFilters.none().withStatuses(Set.of(LeadStatus.LOST));
        LeadExport older = LeadExport.queued(ExportId.random(), org, COACH, filters, DAY, DAY.plusSeconds(60));
        LeadExport newer = LeadExport.queued(ExportId.random(), org, COACH, LeadFilters.none(), DAY.plusSeconds(1),
                DAY.plus(Duration.ofDays(1)));
        storage.exports().create(older);
        storage.exports().create(newer);

        storage.exports().markRunning(newer.id());
        try (OutputStream file = storage.exports().openFile(newer.id())) {
            file.write("id,created_at\r\n".getBytes(StandardCharsets.UTF_8));
        }
        storage.exports().markSucceeded(newer.id(), 0, DAY.plusSeconds(2));
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        storage.exports().copyFile(newer.id(), copy);

        assertThat(storage.exports().find(org, older.id())).contains(older);
        assertThat(storage.exports().find(storage.newOrg("Stranger " + UUID.randomUUID()), older.id())).isEmpty();
        assertThat(storage.exports().list(org, PageRequest.first()).items()).extracting(LeadExport::id)
                .containsExactly(newer.id(), older.id());
        LeadExport done = storage.exports().findForWorker(newer.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(ExportStatus.SUCCEEDED);
        assertThat(done.rowCount()).isZero();
        assertThat(copy.toString(StandardCharsets.UTF_8)).isEqualTo("id,created_at\r\n");
        storage.exports().markFailed(older.id(), "boom", DAY.plusSeconds(3));
        assertThat(storage.exports().find(org, older.id()).orElseThrow().error()).isEqualTo("boom");
        assertThat(storage.exports().deleteExpired(DAY.plusSeconds(61))).isGreaterThanOrEqualTo(1);
        assertThat(storage.exports().find(org, older.id())).isEmpty();
        assertThat(storage.exports().find(org, newer.id())).isPresent();
    }

    @Test
    void an_idempotency_key_is_claimed_once_replayed_after_completion_and_refused_for_another_request() {
        IdempotencyScope scope = new IdempotencyScope(org, COACH, "create-lead", "key-" + UUID.randomUUID());
        IdempotencyRecords keys = storage.idempotency();
        Duration day = Duration.ofDays(1);
        Duration minute = Duration.ofMinutes(1);

        assertThat(keys.claim(scope, "fp1", day, minute)).isInstanceOf(Claim.Claimed.class);
        assertThat(keys.claim(scope, "fp1", day, minute)).isInstanceOf(Claim.InProgress.class);
        assertThat(keys.claim(scope, "fp2", day, minute)).isInstanceOf(Claim.Mismatch.class);
        keys.release(scope);
        assertThat(keys.claim(scope, "fp1", day, minute)).isInstanceOf(Claim.Claimed.class);
        keys.complete(scope, new StoredResponse("{\"id\":1}".getBytes(StandardCharsets.UTF_8)));
        assertThat(keys.claim(scope, "fp1", day, minute)).isInstanceOfSatisfying(Claim.Replay.class,
                replay -> assertThat(new String(replay.response().content(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":1}"));
        keys.release(scope); // a completed key is not released
        assertThat(keys.claim(scope, "fp1", day, minute)).isInstanceOf(Claim.Replay.class);
    }

    @Test
    void a_rate_limit_allows_its_limit_per_window_then_says_when_to_retry() {
        String bucket = "contract:" + UUID.randomUUID();
        List<RateLimiter.Decision> decisions = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            decisions.add(storage.rateLimiter().acquire(bucket, 3, Duration.ofHours(1)));
        }
        // Four calls within one hour-long window, unless the hour turns between them: then the last may be allowed.
        assertThat(decisions.subList(0, 3)).allSatisfy(d -> assertThat(d.allowed()).isTrue());
        RateLimiter.Decision fourth = decisions.get(3);
        if (!fourth.allowed()) {
            assertThat(fourth.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofHours(1));
        }
        assertThat(storage.rateLimiter().acquire("contract:" + UUID.randomUUID(), 3, Duration.ofHours(1)).allowed()).isTrue();
    }

}
