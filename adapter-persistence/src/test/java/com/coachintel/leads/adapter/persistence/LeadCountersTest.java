package com.coachintel.leads.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.LeadStatus;
import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.port.LeadQueries;
import com.coachintel.leads.domain.port.LeadStore;
import com.coachintel.leads.domain.query.CreatedRange;
import com.coachintel.leads.domain.query.LeadFilters;
import com.coachintel.leads.domain.query.LeadQuery;
import com.coachintel.leads.domain.query.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The kept rows behind exact totals (per-status, per-tag and per-day counters, and the narrow search table) stay
 * equal to counting, whatever writes the leads.
 */
class LeadCountersTest {

    static TestDatabase db;
    static UUID org;
    static UUID otherOrg;

    @BeforeAll
    static void open() {
        db = TestPostgres.freshDatabase();
        org = LeadRows.insertOrg(db, "Acme");
        otherOrg = LeadRows.insertOrg(db, "Other");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    static void assertCountersMatchCounting() {
        assertCountersMatchCountingIn(db);
    }

    /** The kept counters of every org equal counting its leads, per tag and per status. */
    static void assertCountersMatchCountingIn(TestDatabase db) {
        assertThat(db.rows("""
                WITH counted AS (SELECT org_id, tag, count(*) AS n FROM leads, unnest(tags) AS tag GROUP BY org_id, tag)
                SELECT coalesce(c.org_id, k.org_id) AS org_id, coalesce(c.tag, k.tag) AS tag, c.n AS counted, k.n AS kept
                FROM counted c FULL JOIN (SELECT org_id, tag, sum(n) AS n FROM lead_tag_counts GROUP BY org_id, tag) k
                     ON k.org_id = c.org_id AND k.tag = c.tag
                WHERE coalesce(c.n, 0) <> coalesce(k.n, 0)"""))
                .as("orgs and tags whose counter differs from counting").isEmpty();
        assertThat(db.rows("""
                SELECT o.id, s.status,
                       (SELECT count(*) FROM leads l WHERE l.org_id = o.id AND l.status = s.status) AS counted,
                       coalesce((SELECT sum(n) FROM lead_status_counts c WHERE c.org_id = o.id AND c.status = s.status), 0) AS kept
                FROM orgs o CROSS JOIN (VALUES ('waitlist'), ('invited'), ('converted'), ('lost')) AS s(status)
                WHERE (SELECT count(*) FROM leads l WHERE l.org_id = o.id AND l.status = s.status)
                      <> coalesce((SELECT sum(n) FROM lead_status_counts c WHERE c.org_id = o.id AND c.status = s.status), 0)"""))
                .as("orgs and statuses whose counter differs from counting").isEmpty();
        assertThat(db.rows("""
                WITH counted AS (SELECT org_id, status, (created_at AT TIME ZONE 'UTC')::date AS day, count(*) AS n
                                 FROM leads GROUP BY 1, 2, 3),
                     kept AS (SELECT org_id, status, day, sum(n) AS n FROM lead_daily_counts GROUP BY 1, 2, 3)
                SELECT coalesce(c.org_id, k.org_id) AS org_id, coalesce(c.status, k.status) AS status,
                       coalesce(c.day, k.day) AS day, c.n AS counted, k.n AS kept
                FROM counted c FULL JOIN kept k ON (k.org_id, k.status, k.day) = (c.org_id, c.status, c.day)
                WHERE coalesce(c.n, 0) <> coalesce(k.n, 0)"""))
                .as("orgs, statuses and days whose counter differs from counting").isEmpty();
        assertThat(db.rows("""
                SELECT coalesce(l.id, s.lead_id) AS lead, l.org_id, s.org_id AS search_org
                FROM leads l FULL JOIN lead_search s ON s.lead_id = l.id
                WHERE l.id IS NULL OR s.lead_id IS NULL OR s.org_id <> l.org_id OR s.created_at <> l.created_at
                   OR s.haystack <> lead_search_text(l.email, l.first_name, l.last_name)"""))
                .as("leads whose lead_search row is missing, extra or stale").isEmpty();
    }

    @Test
    void bulk_and_single_inserts_updates_and_deletes_keep_the_counters_exact() {
        db.jdbi().useHandle(h -> h.execute("""
                INSERT INTO leads (org_id, email, status, tags)
                SELECT ?, 'bulk' || n || '@example.com', (ARRAY['waitlist','invited','converted','lost'])[1 + n % 4],
                       CASE WHEN n % 3 = 0 THEN ARRAY['vip', 'webinar'] WHEN n % 3 = 1 THEN ARRAY['vip'] ELSE '{}' END
                FROM generate_series(1, 1000) AS n""", org));
        LeadRows.aLead().withStatus("lost").insert(db, otherOrg);
        assertCountersMatchCounting();

        db.jdbi().useHandle(h -> h.execute("UPDATE leads SET status = 'invited' WHERE status = 'waitlist' AND email LIKE 'bulk1%'"));
        db.jdbi().useHandle(h -> h.execute("UPDATE leads SET tags = ARRAY['new'] WHERE email LIKE 'bulk2%'"));
        db.jdbi().useHandle(h -> h.execute("UPDATE leads SET tags = '{}' WHERE email LIKE 'bulk5%'"));
        db.jdbi().useHandle(h -> h.execute("UPDATE leads SET org_id = ? WHERE email LIKE 'bulk3%'", otherOrg));
        db.jdbi().useHandle(h -> h.execute("UPDATE leads SET first_name = 'Renamed', email = 'x' || email WHERE email LIKE 'bulk6%'"));
        db.jdbi().useHandle(h -> h.execute("UPDATE leads SET last_name = 'Only' WHERE email LIKE 'bulk7%'"));
        db.jdbi().useHandle(h -> h.execute("UPDATE leads SET created_at = created_at - interval '3 days' WHERE email LIKE 'bulk8%'"));
        assertCountersMatchCounting();

        db.jdbi().useHandle(h -> h.execute("DELETE FROM leads WHERE email LIKE 'bulk4%'"));
        assertCountersMatchCounting();
    }

    @Test
    void totals_from_counters_equal_counting_in_the_list() {
        LeadQueries queries = new PostgresPersistence(db.dataSource()).leadQueries();
        long all = queries.list(new OrgId(org), LeadQuery.all()).total();
        long invited = queries.list(new OrgId(org), new LeadQuery(LeadFilters.none().withStatuses(Set.of(LeadStatus.INVITED)), PageRequest.first())).total();
        long windowed = queries.list(new OrgId(org), new LeadQuery(LeadFilters.none().withCreated(new CreatedRange(Instant.parse("2000-01-01T00:00:00Z"), null)), PageRequest.first())).total();

        assertThat(all).isEqualTo(db.scalar(Long.class, "SELECT count(*) FROM leads WHERE org_id = ?", org));
        assertThat(invited).isEqualTo(db.scalar(Long.class,
                "SELECT count(*) FROM leads WHERE org_id = ? AND status = 'invited'", org));
        assertThat(windowed).isEqualTo(all);
        long vip = queries.list(new OrgId(org), new LeadQuery(LeadFilters.none().withTags(Set.of(new com.coachintel.leads.domain.Tag("vip"))), PageRequest.first())).total();
        assertThat(vip).isEqualTo(db.scalar(Long.class, "SELECT count(*) FROM leads WHERE org_id = ? AND tags @> ARRAY['vip']", org));
    }

    @Test
    void concurrent_status_changes_keep_the_counters_exact() throws Exception {
        List<LeadId> leads = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            leads.add(new LeadId(LeadRows.aLead().withStatus("waitlist").insert(db, org)));
        }
        LeadStore store = new PostgresPersistence(db.dataSource()).leadStore();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (LeadId lead : leads) {
                done.add(pool.submit(() -> store.update(new OrgId(org), lead, Optional.empty(),
                        l -> l.changeStatus(LeadStatus.INVITED, null, "coach@example.com", Instant.now()))));
                done.add(pool.submit(() -> store.update(new OrgId(org), lead, Optional.empty(),
                        l -> l.changeStatus(LeadStatus.LOST, null, "coach@example.com", Instant.now()))));
            }
            for (Future<?> future : done) {
                try {
                    future.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    // Whichever writer comes second may find the move forbidden (lost -> invited); that is fine.
                    if (!(e.getCause() instanceof com.coachintel.leads.domain.InvalidStatusTransitionException)) {
                        throw new AssertionError(e.getCause());
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertCountersMatchCounting();
    }

    @Test
    void window_totals_from_daily_counters_equal_counting_for_whole_days_partial_days_and_open_ends() {
        UUID windowOrg = LeadRows.insertOrg(db, "Windows");
        String[] statuses = {"waitlist", "invited", "converted", "lost"};
        for (int i = 0; i < 120; i++) {
            // Leads every 7 h 13 min over about five weeks: every day holds some, at all times of day.
            Instant created = Instant.parse("2026-03-01T00:00:00Z").plusSeconds(i * 25_980L);
            LeadRows.aLead().withStatus(statuses[i % 4]).createdAt(created.toString()).insert(db, windowOrg);
        }
        LeadQueries queries = new PostgresPersistence(db.dataSource()).leadQueries();
        List<CreatedRange> windows = List.of(
                new CreatedRange(Instant.parse("2026-03-05T00:00:00Z"), Instant.parse("2026-03-20T00:00:00Z")),
                new CreatedRange(Instant.parse("2026-03-05T07:30:00Z"), Instant.parse("2026-03-20T00:00:00Z")),
                new CreatedRange(Instant.parse("2026-03-05T00:00:00Z"), Instant.parse("2026-03-20T13:00:00.000001Z")),
                new CreatedRange(Instant.parse("2026-03-05T07:30:00Z"), Instant.parse("2026-03-20T13:00:00Z")),
                new CreatedRange(Instant.parse("2026-03-07T02:00:00Z"), Instant.parse("2026-03-07T23:00:00Z")),
                new CreatedRange(Instant.parse("2026-03-07T02:00:00Z"), Instant.parse("2026-03-08T05:00:00Z")),
                new CreatedRange(Instant.parse("2026-03-10T11:00:00Z"), null),
                new CreatedRange(null, Instant.parse("2026-03-10T11:00:00Z")),
                new CreatedRange(null, Instant.parse("2026-03-10T00:00:00Z")),
                new CreatedRange(Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-02-02T00:00:00Z")));
        for (CreatedRange window : windows) {
            for (Optional<LeadStatus> status : List.of(Optional.<LeadStatus>empty(), Optional.of(LeadStatus.INVITED))) {
                LeadFilters filters = LeadFilters.none().withCreated(window);
                if (status.isPresent()) {
                    filters = filters.withStatuses(Set.of(status.get()));
                }
                long total = queries.list(new OrgId(windowOrg), new LeadQuery(filters, PageRequest.first())).total();
                long counted = db.scalar(Long.class, "SELECT count(*) FROM leads WHERE org_id = ?"
                        + " AND (CAST(? AS timestamptz) IS NULL OR created_at >= CAST(? AS timestamptz))"
                        + " AND (CAST(? AS timestamptz) IS NULL OR created_at < CAST(? AS timestamptz))"
                        + " AND (CAST(? AS text) IS NULL OR status = CAST(? AS text))", windowOrg,
                        SqlRows.utc(window.from()), SqlRows.utc(window.from()), SqlRows.utc(window.toExclusive()),
                        SqlRows.utc(window.toExclusive()), status.map(LeadStatus::wireName).orElse(null),
                        status.map(LeadStatus::wireName).orElse(null));
                assertThat(total).as(window + " " + status).isEqualTo(counted);
            }
        }
        assertThat(counted(db, windowOrg)).as("the org's leads, to be sure the windows had some").isEqualTo(120);
    }

    @Test
    void search_totals_from_lead_search_equal_counting_for_long_short_and_punctuated_terms() {
        UUID searchOrg = LeadRows.insertOrg(db, "Searches");
        String[][] names = {{"Ann", "Johnson"}, {"Jo", "Sonder"}, {"Émile", "O'Brien"}, {"Sam", "Smithson"}, {"Li", "Wu"}};
        for (int i = 0; i < 60; i++) {
            String[] name = names[i % names.length];
            LeadRows.aLead().named(name[0], name[1]).withStatus(i % 3 == 0 ? "invited" : "waitlist")
                    .withEmail(name[0].toLowerCase() + "." + i + "@son.example").insert(db, searchOrg);
        }
        LeadRows.aLead().named("Sonny", "Elsewhere").insert(db, otherOrg);
        LeadQueries queries = new PostgresPersistence(db.dataSource()).leadQueries();
        for (String term : List.of("son", "SON", "smiths", "o'b", "é", "a", "jo", "wu", "@son", ".1", "_", "%", "zzz")) {
            for (boolean invitedOnly : new boolean[] {false, true}) {
                LeadFilters filters = LeadFilters.none().withSearch(Optional.of(new com.coachintel.leads.domain.query.SearchTerm(term)));
                if (invitedOnly) {
                    filters = filters.withStatuses(Set.of(LeadStatus.INVITED));
                }
                var page = queries.list(new OrgId(searchOrg), new LeadQuery(filters, new PageRequest(10, 0)));
                long counted = db.scalar(Long.class, "SELECT count(*) FROM leads WHERE org_id = ?"
                        + " AND strpos(lead_search_text(email, first_name, last_name), lower(?)) > 0"
                        + " AND (NOT ? OR status = 'invited')", searchOrg, term, invitedOnly);
                assertThat(page.total()).as("q=" + term + (invitedOnly ? " and invited" : "")).isEqualTo(counted);
                assertThat(page.items()).as("q=" + term).hasSize((int) Math.min(10, counted));
            }
        }
    }

    @Test
    void deep_offsets_found_by_the_daily_counters_are_the_pages_the_offsets_name() {
        UUID deepOrg = LeadRows.insertOrg(db, "Deep");
        // 2,500 leads over about 26 days, up to 15 an hour, some sharing a created_at: every day boundary is crossed.
        db.jdbi().useHandle(h -> h.execute("""
                INSERT INTO leads (org_id, email, status, created_at)
                SELECT ?, 'deep' || n || '@example.com', CASE WHEN n % 4 = 0 THEN 'invited' ELSE 'waitlist' END,
                       timestamptz '2026-02-01 00:00:00+00' + ((n / 2) * 30) * interval '1 minute' FROM generate_series(1, 2500) AS n""",
                deepOrg));
        LeadQueries queries = new PostgresPersistence(db.dataSource()).leadQueries();
        for (Optional<LeadStatus> status : List.of(Optional.<LeadStatus>empty(), Optional.of(LeadStatus.WAITLIST))) {
            List<UUID> all = db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM leads WHERE org_id = :org"
                    + " AND (CAST(:status AS text) IS NULL OR status = CAST(:status AS text)) ORDER BY created_at DESC, id DESC")
                    .bind("org", deepOrg).bind("status", status.map(LeadStatus::wireName).orElse(null)).mapTo(UUID.class).list());
            LeadFilters filters = status.map(s -> LeadFilters.none().withStatuses(Set.of(s))).orElse(LeadFilters.none());
            for (int offset : new int[] {1_000, 1_001, 1_234, all.size() - 50, all.size() - 1, all.size(), all.size() + 7}) {
                if (offset < 1_000) {
                    continue;
                }
                var page = queries.list(new OrgId(deepOrg), new LeadQuery(filters, new PageRequest(50, offset)));
                assertThat(page.total()).isEqualTo(all.size());
                assertThat(page.items().stream().map(item -> item.id().value()).toList()).as(status + " offset " + offset)
                        .isEqualTo(all.subList(Math.min(offset, all.size()), Math.min(offset + 50, all.size())));
            }
        }
    }

    private static long counted(TestDatabase db, UUID org) {
        return db.scalar(Long.class, "SELECT count(*) FROM leads WHERE org_id = ?", org);
    }
}
