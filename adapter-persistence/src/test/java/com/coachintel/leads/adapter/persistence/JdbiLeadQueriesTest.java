package com.coachintel.leads.adapter.persistence;

import static com.coachintel.leads.adapter.persistence.LeadRows.aLead;
import static org.assertj.core.api.Assertions.assertThat;

import com.coachintel.leads.domain.ConsentChannel;
import com.coachintel.leads.domain.LeadDetails;
import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.LeadListItem;
import com.coachintel.leads.domain.LeadStatus;
import com.coachintel.leads.domain.MessageChannel;
import com.coachintel.leads.domain.MessageEvent;
import com.coachintel.leads.domain.MessageEventType;
import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.Tag;
import com.coachintel.leads.domain.port.LeadQueries;
import com.coachintel.leads.domain.query.CreatedRange;
import com.coachintel.leads.domain.query.EventQuery;
import com.coachintel.leads.domain.query.LeadFilters;
import com.coachintel.leads.domain.query.LeadQuery;
import com.coachintel.leads.domain.query.Page;
import com.coachintel.leads.domain.query.PageRequest;
import com.coachintel.leads.domain.query.SearchTerm;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The read side against real PostgreSQL, on a small hand-made org next to another org. */
class JdbiLeadQueriesTest {

    static TestDatabase db;
    static LeadQueries queries;
    static OrgId org;
    static OrgId otherOrg;
    static UUID ada;
    static UUID grace;
    static UUID elodie;
    static UUID percent;
    static UUID underscore;
    static UUID backslash;
    static UUID noName;
    static UUID otherOrgsLead;

    @BeforeAll
    static void insertLeads() {
        db = TestPostgres.freshDatabase();
        queries = new PostgresPersistence(db.dataSource()).leadQueries();
        UUID orgId = LeadRows.insertOrg(db, "Acme Coaching");
        UUID otherId = LeadRows.insertOrg(db, "Other");
        org = new OrgId(orgId);
        otherOrg = new OrgId(otherId);
        ada = aLead().named("Ada", "Lovelace").withEmail("ada@analytical.example").createdAt("2026-01-01T09:00:00Z")
                .withStatus("waitlist").withTags("vip", "newsletter").withPhone("+14155550100")
                .withUtm("google", "cpc", "spring").insert(db, orgId);
        grace = aLead().named("Grace", "Hopper").withEmail("Grace.Hopper@Navy.example").createdAt("2026-01-02T09:00:00Z")
                .withStatus("invited").withTags("vip").insert(db, orgId);
        elodie = aLead().named("Élodie", "Dupré").withEmail("elodie@example.fr").createdAt("2026-01-03T23:59:59Z")
                .withStatus("converted").withTags("newsletter").insert(db, orgId);
        percent = aLead().named("Per", "Cent").withEmail("100%club@example.com").createdAt("2026-01-04T00:00:00Z")
                .withStatus("lost").insert(db, orgId);
        underscore = aLead().named("Under", "Score").withEmail("a_b@example.com").createdAt("2026-01-05T00:00:00Z")
                .insert(db, orgId);
        backslash = aLead().named("Back", "Slash").withEmail("back\\slash@example.com").createdAt("2026-01-06T00:00:00Z")
                .insert(db, orgId);
        noName = aLead().named(null, null).withEmail("anonymous@example.com").createdAt("2026-01-06T00:00:00Z")
                .insert(db, orgId);
        otherOrgsLead = aLead().named("Ada", "Lovelace").withEmail("ada@analytical.example").withTags("vip")
                .createdAt("2026-01-01T09:00:00Z").insert(db, otherId);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    static LeadQuery query() {
        return LeadQuery.all();
    }

    static List<UUID> ids(Page<LeadListItem> page) {
        return page.items().stream().map(item -> item.id().value()).toList();
    }

    static Page<LeadListItem> search(String q) {
        return queries.list(org, new LeadQuery(LeadFilters.none().withSearch(SearchTerm.parse(q, "q")), PageRequest.first()));
    }

    @Test
    void lists_the_orgs_leads_newest_first_with_id_as_tie_break() {
        Page<LeadListItem> page = queries.list(org, query());

        assertThat(page.total()).isEqualTo(7);
        // PostgreSQL orders uuids by their bytes, which is the order of their hex text (not UUID.compareTo).
        List<UUID> sameInstant = List.of(backslash, noName).stream()
                .sorted(java.util.Comparator.comparing(UUID::toString).reversed()).toList();
        assertThat(ids(page)).containsExactly(sameInstant.get(0), sameInstant.get(1), underscore, percent, elodie, grace, ada);
    }

    @Test
    void maps_every_field() {
        LeadListItem item = queries.list(org, query()).items().stream().filter(i -> i.id().value().equals(ada)).findFirst()
                .orElseThrow();

        assertThat(item.createdAt()).isEqualTo(Instant.parse("2026-01-01T09:00:00Z"));
        assertThat(item.status()).isEqualTo(LeadStatus.WAITLIST);
        assertThat(item.firstName()).isEqualTo("Ada");
        assertThat(item.email()).isEqualTo("ada@analytical.example");
        assertThat(item.phone()).isEqualTo("+14155550100");
        assertThat(item.tags()).containsExactly(new Tag("vip"), new Tag("newsletter"));
        assertThat(item.source()).isEqualTo("website");
        assertThat(item.utmSource()).isEqualTo("google");
        assertThat(item.utmMedium()).isEqualTo("cpc");
        assertThat(item.utmCampaign()).isEqualTo("spring");
        assertThat(item.lastContactedAt()).isNull();
        assertThat(item.version()).isEqualTo(1);
    }

    @Test
    void never_shows_another_orgs_leads() {
        assertThat(ids(queries.list(otherOrg, query()))).containsExactly(otherOrgsLead);
        assertThat(ids(queries.list(org, query()))).doesNotContain(otherOrgsLead);
        assertThat(queries.details(org, new LeadId(otherOrgsLead), 10)).isEmpty();
        assertThat(queries.events(org, new LeadId(otherOrgsLead), EventQuery.all())).isEmpty();
    }

    @Test
    void filters_by_one_or_several_statuses() {
        assertThat(ids(queries.list(org, new LeadQuery(LeadFilters.none().withStatuses(Set.of(LeadStatus.INVITED)), PageRequest.first())))).containsExactly(grace);
        assertThat(ids(queries.list(org, new LeadQuery(LeadFilters.none().withStatuses(Set.of(LeadStatus.CONVERTED, LeadStatus.LOST)), PageRequest.first())))).containsExactly(percent, elodie);
        Page<LeadListItem> invitedPastTheEnd = queries.list(org, new LeadQuery(LeadFilters.none().withStatuses(Set.of(LeadStatus.INVITED)), new PageRequest(10, 5)));
        assertThat(invitedPastTheEnd.items()).isEmpty();
        assertThat(invitedPastTheEnd.total()).isEqualTo(1);
        assertThat(queries.list(otherOrg, new LeadQuery(LeadFilters.none().withStatuses(Set.of(LeadStatus.INVITED)), PageRequest.first())).items()).extracting(LeadListItem::id)
                .doesNotContain(new LeadId(grace));
    }

    @Test
    void filters_by_tags_requiring_all_of_them() {
        Page<LeadListItem> vip = queries.list(org, new LeadQuery(LeadFilters.none().withTags(Set.of(new Tag("vip"))), PageRequest.first()));
        Page<LeadListItem> both = queries.list(org, new LeadQuery(LeadFilters.none().withTags(Set.of(new Tag("vip"), new Tag("newsletter"))), PageRequest.first()));

        assertThat(ids(vip)).containsExactly(grace, ada);
        assertThat(vip.total()).isEqualTo(2);
        assertThat(ids(both)).containsExactly(ada);
    }

    @Test
    void filters_by_creation_window_with_inclusive_start_and_exclusive_end() {
        Page<LeadListItem> page = queries.list(org, new LeadQuery(LeadFilters.none().withCreated(new CreatedRange(Instant.parse("2026-01-02T09:00:00Z"), Instant.parse("2026-01-04T00:00:00Z"))), PageRequest.first()));

        assertThat(ids(page)).containsExactly(elodie, grace);
    }

    @Test
    void searches_email_and_names_case_insensitively_including_non_ascii() {
        assertThat(ids(search("GRACE.hopper@navy"))).containsExactly(grace);
        assertThat(ids(search("lovelace"))).containsExactly(ada);
        assertThat(ids(search("ÉLODIE"))).containsExactly(elodie);
        assertThat(ids(search("dupré"))).containsExactly(elodie);
        assertThat(ids(search("ada lovelace"))).containsExactly(ada);
        assertThat(ids(search("a lov"))).containsExactly(ada);
        assertThat(ids(search("anonymous"))).containsExactly(noName);
        assertThat(ids(search("nobody-matches-this"))).isEmpty();
    }

    @Test
    void search_wildcards_match_literally() {
        assertThat(ids(search("%"))).containsExactly(percent);
        assertThat(ids(search("a_b"))).containsExactly(underscore);
        assertThat(ids(search("_"))).containsExactly(underscore);
        assertThat(ids(search("\\"))).containsExactly(backslash);
    }

    @Test
    void a_match_never_spans_email_and_name() {
        // "example.com" ends the email and "ada" starts the name of no lead, yet "com\nada"-like joins must not match.
        assertThat(ids(search("example Per"))).isEmpty();
    }

    @Test
    void combines_filters() {
        Page<LeadListItem> page = queries.list(org, new LeadQuery(LeadFilters.none().withSearch(SearchTerm.parse("a", "q")).withStatuses(Set.of(LeadStatus.WAITLIST, LeadStatus.INVITED)).withTags(Set.of(new Tag("vip"))).withCreated(new CreatedRange(Instant.parse("2026-01-02T00:00:00Z"), null)), PageRequest.first()));

        assertThat(ids(page)).containsExactly(grace);
        assertThat(page.total()).isEqualTo(1);
    }

    @Test
    void pages_are_stable_slices_with_the_exact_total() {
        List<UUID> all = ids(queries.list(org, query()));

        Page<LeadListItem> second = queries.list(org, query().withPage(new PageRequest(3, 3)));
        Page<LeadListItem> last = queries.list(org, query().withPage(new PageRequest(3, 6)));
        Page<LeadListItem> past = queries.list(org, query().withPage(new PageRequest(3, 100)));

        assertThat(ids(second)).isEqualTo(all.subList(3, 6));
        assertThat(ids(last)).isEqualTo(all.subList(6, 7));
        assertThat(second.total()).isEqualTo(7);
        assertThat(past.items()).isEmpty();
        assertThat(past.total()).isEqualTo(7);
        assertThat(past.offset()).isEqualTo(100);
    }

    @Test
    void details_carry_notes_latest_consent_per_channel_and_recent_status_changes() {
        UUID lead = aLead().withNotes("Prefers mornings").withStatus("converted").createdAt("2026-02-01T00:00:00Z")
                .insert(db, org.value());
        LeadRows.insertConsent(db, lead, "email", true, "2026-02-01T00:00:00Z", "signup_form");
        LeadRows.insertConsent(db, lead, "email", false, "2026-02-05T00:00:00Z", "unsubscribe_link");
        LeadRows.insertConsent(db, lead, "email", true, "2026-02-03T00:00:00Z", "late_import");
        LeadRows.insertConsent(db, lead, "sms", true, "2026-02-06T00:00:00Z", "sms_opt_in_form");
        LeadRows.insertConsent(db, lead, "sms", false, "2026-01-30T00:00:00Z", "import");
        LeadRows.insertStatusChange(db, lead, "waitlist", "invited", "2026-02-02T00:00:00Z", "cohort opened");
        LeadRows.insertStatusChange(db, lead, "invited", "converted", "2026-02-04T00:00:00Z", null);

        LeadDetails details = queries.details(org, new LeadId(lead), 10).orElseThrow();

        assertThat(details.notes()).isEqualTo("Prefers mornings");
        assertThat(details.notesUpdatedBy()).isEqualTo("coach@example.com");
        assertThat(details.emailConsent()).hasValueSatisfying(consent -> {
            assertThat(consent.channel()).isEqualTo(ConsentChannel.EMAIL);
            assertThat(consent.granted()).isFalse();
            assertThat(consent.capturedAt()).isEqualTo(Instant.parse("2026-02-05T00:00:00Z"));
            assertThat(consent.source()).isEqualTo("unsubscribe_link");
        });
        assertThat(details.smsConsent()).hasValueSatisfying(consent -> {
            assertThat(consent.channel()).isEqualTo(ConsentChannel.SMS);
            assertThat(consent.granted()).isTrue();
            assertThat(consent.capturedAt()).isEqualTo(Instant.parse("2026-02-06T00:00:00Z"));
            assertThat(consent.source()).isEqualTo("sms_opt_in_form");
        });
        assertThat(details.recentStatusChanges()).extracting(c -> c.to()).containsExactly(LeadStatus.CONVERTED, LeadStatus.INVITED);
        assertThat(details.recentStatusChanges().get(1).reason()).isEqualTo("cohort opened");
        LeadDetails latestChangeOnly = queries.details(org, new LeadId(lead), 1).orElseThrow();
        assertThat(latestChangeOnly.recentStatusChanges()).extracting(c -> c.to()).containsExactly(LeadStatus.CONVERTED);
        assertThat(latestChangeOnly.emailConsent()).as("consents do not count against the status changes' limit")
                .isEqualTo(details.emailConsent());
        assertThat(latestChangeOnly.smsConsent()).isEqualTo(details.smsConsent());
        LeadDetails noChanges = queries.details(org, new LeadId(lead), 0).orElseThrow();
        assertThat(noChanges.recentStatusChanges()).isEmpty();
        assertThat(noChanges.emailConsent()).isEqualTo(details.emailConsent());
        LeadDetails withoutHistory = queries.details(org, new LeadId(ada), 10).orElseThrow();
        assertThat(withoutHistory.lead().id().value()).isEqualTo(ada);
        assertThat(withoutHistory.recentStatusChanges()).isEmpty();
        assertThat(withoutHistory.emailConsent()).isEmpty();
        db.jdbi().useHandle(h -> h.execute("DELETE FROM leads WHERE id = ?", lead));
    }

    @Test
    void events_are_newest_first_filtered_and_paginated() {
        long sent = LeadRows.insertEvent(db, grace, "email", "sent", "2026-03-01T10:00:00Z", "{\"campaign\": \"spring\"}");
        long delivered = LeadRows.insertEvent(db, grace, "email", "delivered", "2026-03-01T10:00:05Z", "{}");
        long sms = LeadRows.insertEvent(db, grace, "sms", "sent", "2026-03-02T10:00:00Z", "{}");
        long sameTime = LeadRows.insertEvent(db, grace, "sms", "delivered", "2026-03-02T10:00:00Z", "{}");

        Page<MessageEvent> all = queries.events(org, new LeadId(grace), EventQuery.all()).orElseThrow();
        Page<MessageEvent> sentOnly = queries.events(org, new LeadId(grace),
                new EventQuery(Set.of(MessageEventType.SENT), Set.of(), PageRequest.first())).orElseThrow();
        Page<MessageEvent> emailSecondPage = queries.events(org, new LeadId(grace),
                new EventQuery(Set.of(), Set.of(MessageChannel.EMAIL), new PageRequest(1, 1))).orElseThrow();

        assertThat(all.items()).extracting(MessageEvent::id).containsExactly(sameTime, sms, delivered, sent);
        assertThat(all.total()).isEqualTo(4);
        assertThat(all.items().get(3).metadataJson()).isEqualTo("{\"campaign\": \"spring\"}");
        assertThat(sentOnly.items()).extracting(MessageEvent::id).containsExactly(sms, sent);
        assertThat(emailSecondPage.items()).extracting(MessageEvent::id).containsExactly(sent);
        assertThat(emailSecondPage.total()).isEqualTo(2);
        assertThat(queries.events(org, new LeadId(ada), EventQuery.all()).orElseThrow().total()).isZero();
        Page<MessageEvent> pastTheEnd = queries.events(org, new LeadId(grace),
                new EventQuery(Set.of(), Set.of(), new PageRequest(2, 10))).orElseThrow();
        assertThat(pastTheEnd.items()).isEmpty();
        assertThat(pastTheEnd.total()).isEqualTo(4);
    }

    @Test
    void large_results_page_the_same_way_as_small_ones() {
        UUID bigOrg = LeadRows.insertOrg(db, "Big");
        int count = LeadFilterSql.SMALL_RESULT + 100;
        db.jdbi().useHandle(h -> h.execute("""
                INSERT INTO leads (org_id, created_at, email, tags)
                SELECT ?, timestamptz '2026-01-01' + (n % 2000) * interval '1 minute', 'big' || n || '@example.com',
                       CASE WHEN n % 1000 = 0 THEN ARRAY['rare'] ELSE '{}' END
                FROM generate_series(1, ?) AS n""", bigOrg, count));
        List<UUID> expected = db.jdbi().withHandle(h -> h.select(
                "SELECT id FROM leads WHERE org_id = ? ORDER BY created_at DESC, id::text DESC", bigOrg).mapTo(UUID.class).list());

        Page<LeadListItem> first = queries.list(new OrgId(bigOrg), LeadQuery.all().withPage(new PageRequest(500, 0)));
        Page<LeadListItem> deep = queries.list(new OrgId(bigOrg), LeadQuery.all().withPage(new PageRequest(100, 5000)));
        Page<LeadListItem> rare = queries.list(new OrgId(bigOrg), new LeadQuery(LeadFilters.none().withTags(Set.of(new Tag("rare"))), PageRequest.first()));

        assertThat(first.total()).isEqualTo(count);
        assertThat(ids(first)).isEqualTo(expected.subList(0, 500));
        assertThat(ids(deep)).as("found through the index first, then the rows").isEqualTo(expected.subList(5000, 5100));
        Page<LeadListItem> deepWaitlist = queries.list(new OrgId(bigOrg), new LeadQuery(
                LeadFilters.none().withStatuses(Set.of(LeadStatus.WAITLIST)), new PageRequest(50, 2000)));
        assertThat(ids(deepWaitlist)).isEqualTo(expected.subList(2000, 2050));
        assertThat(deepWaitlist.total()).isEqualTo(count);
        Page<LeadListItem> pastTheEnd = queries.list(new OrgId(bigOrg), LeadQuery.all().withPage(new PageRequest(50, count)));
        assertThat(pastTheEnd.items()).isEmpty();
        assertThat(pastTheEnd.total()).isEqualTo(count);
        assertThat(rare.total()).isEqualTo(5);
        assertThat(ids(rare)).hasSize(5);
        db.jdbi().useHandle(h -> h.execute("DELETE FROM leads WHERE org_id = ?", bigOrg));
    }

    @Test
    void unknown_leads_have_no_details_and_no_events() {
        LeadId unknown = new LeadId(UUID.randomUUID());

        assertThat(queries.details(org, unknown, 10)).isEmpty();
        assertThat(queries.events(org, unknown, EventQuery.all())).isEmpty();
    }
}
