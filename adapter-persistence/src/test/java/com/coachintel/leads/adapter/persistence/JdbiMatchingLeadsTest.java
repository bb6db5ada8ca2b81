package com.coachintel.leads.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachintel.leads.domain.LeadStatus;
import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.Tag;
import com.coachintel.leads.domain.LeadListItem;
import com.coachintel.leads.domain.port.MatchingLeads;
import com.coachintel.leads.domain.query.CreatedRange;
import com.coachintel.leads.domain.query.LeadFilters;
import com.coachintel.leads.domain.query.LeadQuery;
import com.coachintel.leads.domain.query.SearchTerm;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Streaming every matching lead against real PostgreSQL: order, filters, org scope, and how a stream ends early. */
class JdbiMatchingLeadsTest {

    static TestDatabase db;
    static MatchingLeads leads;
    static OrgId org;
    static List<UUID> tricky;

    @BeforeAll
    static void insertLeads() {
        db = TestPostgres.freshDatabase();
        leads = new PostgresPersistence(db.dataSource()).matchingLeads();
        UUID orgId = LeadRows.insertOrg(db, "Acme");
        org = new OrgId(orgId);
        tricky = CsvExportTestSupport.insertTrickyLeads(db, orgId);
        db.jdbi().useHandle(h -> h.execute("UPDATE leads SET status = 'invited' WHERE email LIKE 'tricky2+%' OR email LIKE 'tricky3+%'"));
        LeadRows.aLead().withEmail("other-org@example.com").insert(db, LeadRows.insertOrg(db, "Other"));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    static List<UUID> matching(LeadFilters filters) throws IOException {
        List<LeadListItem> handed = new ArrayList<>();
        long count = leads.forEach(org, filters, handed::add);
        assertThat(count).isEqualTo(handed.size());
        return handed.stream().map(lead -> lead.id().value()).toList();
    }

    static List<UUID> newestFirst(int... oneBasedPositions) {
        return java.util.Arrays.stream(oneBasedPositions).mapToObj(i -> tricky.get(i - 1)).toList();
    }

    @Test
    void hands_over_every_lead_of_the_org_newest_first_as_the_list_reads_it() throws IOException {
        assertThat(matching(LeadFilters.none())).containsExactlyElementsOf(newestFirst(7, 6, 5, 4, 3, 2, 1));
        List<LeadListItem> streamed = new ArrayList<>();
        leads.forEach(org, LeadFilters.none(), streamed::add);
        List<LeadListItem> listed = new PostgresPersistence(db.dataSource()).leadQueries()
                .list(org, LeadQuery.all()).items();
        assertThat(streamed).containsExactlyElementsOf(listed);
    }

    @Test
    void applies_every_filter() throws IOException {
        assertThat(matching(LeadFilters.none().withStatuses(Set.of(LeadStatus.INVITED)))).containsExactlyElementsOf(newestFirst(3, 2));
        assertThat(matching(LeadFilters.none().withTags(Set.of(new Tag("q4-promo"))))).containsExactlyElementsOf(newestFirst(6, 4, 2));
        assertThat(matching(LeadFilters.none().withSearch(SearchTerm.parse("NGUYỄN", "q")))).containsExactlyElementsOf(newestFirst(3));
        assertThat(matching(LeadFilters.none().withCreated(new CreatedRange(Instant.parse("2026-02-03T00:00:00Z"),
                Instant.parse("2026-02-05T00:00:00Z"))))).containsExactlyElementsOf(newestFirst(4, 3));
        assertThat(matching(LeadFilters.none().withSearch(SearchTerm.parse("nobody", "q")))).isEmpty();
    }

    @Test
    void a_failing_consumer_stops_the_read_and_frees_the_connection() {
        int[] taken = {0};
        MatchingLeads.Consumer brokenAfterTen = lead -> {
            if (++taken[0] > 10) {
                throw new IOException("Broken pipe");
            }
        };
        db.jdbi().useHandle(h -> h.execute("""
                INSERT INTO leads (org_id, email, created_at)
                SELECT ?, 'bulk' || n || '@example.com', timestamptz '2025-01-01' + n * interval '1 second'
                FROM generate_series(1, 20000) AS n""", org.value()));
        try {
            assertThatThrownBy(() -> leads.forEach(org, LeadFilters.none(), brokenAfterTen)).isInstanceOf(IOException.class)
                    .hasMessage("Broken pipe");
            assertThat(db.dataSource().getHikariPoolMXBean().getActiveConnections()).isZero();
        } finally {
            db.jdbi().useHandle(h -> h.execute("DELETE FROM leads WHERE email LIKE 'bulk%'"));
        }
    }

    @Test
    void a_database_failure_mid_export_reaches_the_caller_and_frees_the_connection() {
        boolean[] killed = {false};
        MatchingLeads.Consumer killsTheCursorOnFirstLead = lead -> {
            if (!killed[0]) {
                killed[0] = true;
                db.jdbi().useHandle(h -> h.execute("""
                        SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                        WHERE query LIKE 'SELECT l.id%' AND pid <> pg_backend_pid()"""));
            }
        };
        db.jdbi().useHandle(h -> h.execute("""
                INSERT INTO leads (org_id, email, created_at)
                SELECT ?, 'bulk' || n || '@example.com', timestamptz '2025-01-01' + n * interval '1 second'
                FROM generate_series(1, 20000) AS n""", org.value()));
        try {
            assertThatThrownBy(() -> leads.forEach(org, LeadFilters.none(), killsTheCursorOnFirstLead))
                    .isInstanceOf(RuntimeException.class).hasStackTraceContaining("terminating connection");
            assertThat(db.dataSource().getHikariPoolMXBean().getActiveConnections()).isZero();
        } finally {
            db.jdbi().useHandle(h -> h.execute("DELETE FROM leads WHERE email LIKE 'bulk%'"));
        }
    }
}
