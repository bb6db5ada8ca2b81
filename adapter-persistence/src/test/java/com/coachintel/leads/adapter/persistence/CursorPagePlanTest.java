package com.coachintel.leads.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachintel.leads.domain.LeadListItem;
import com.coachintel.leads.domain.LeadStatus;
import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.port.LeadQueries;
import com.coachintel.leads.domain.query.LeadFilters;
import com.coachintel.leads.domain.query.LeadQuery;
import com.coachintel.leads.domain.query.ListPosition;
import com.coachintel.leads.domain.query.Page;
import com.coachintel.leads.domain.query.PageRequest;
import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A walk by cursor is planned once per connection, not once per page: planning the page statement cost PostgreSQL
 * more than running it (see {@code LeadFilterSql.POSITION}). Checked where PostgreSQL says it, in
 * {@code pg_prepared_statements} of the one connection the walk used.
 */
class CursorPagePlanTest {

    static TestDatabase db;
    static HikariDataSource oneConnection;
    static OrgId org;

    @BeforeAll
    static void open() {
        db = TestPostgres.freshDatabase();
        oneConnection = PostgresPersistence.pooledDataSource(
                new DatabaseSettings(db.jdbcUrl(), "postgres", null, 1), "one-connection");
        UUID id = LeadRows.insertOrg(db, "Walked");
        UUID other = LeadRows.insertOrg(db, "Other");
        org = new OrgId(id);
        // The walked org's 10,000 leads spread thinly over the heap among another org's 30,000, as in a shared
        // database: there, PostgreSQL's plan for a known position is costed below its plan for an unknown one.
        db.jdbi().useHandle(h -> h.execute("""
                INSERT INTO leads (org_id, email, first_name, last_name, status, created_at)
                SELECT CASE WHEN n % 4 = 0 THEN ? ELSE ? END, 'lead' || n || '@example.com', 'Lead', 'Number' || n,
                       CASE WHEN n % 3 = 0 THEN 'invited' ELSE 'waitlist' END,
                       timestamptz '2026-01-01 00:00:00+00' + n * interval '1 minute'
                FROM generate_series(1, 40000) AS n ORDER BY random()""", id, other));
        db.jdbi().useHandle(h -> h.execute("ANALYZE leads"));
    }

    @AfterAll
    static void close() {
        oneConnection.close();
        db.close();
    }

    @Test
    void cursor_pages_reuse_one_generic_plan_per_connection() {
        LeadQueries queries = new PostgresPersistence(oneConnection).leadQueries();
        walk(queries, LeadFilters.none());
        walk(queries, LeadFilters.none().withStatuses(Set.of(LeadStatus.INVITED)));

        List<Map<String, Object>> statements = Jdbi.create(oneConnection).withHandle(h -> h.createQuery("""
                SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements
                WHERE statement LIKE '%FROM leads l WHERE%(l.created_at, l.id) <%' AND statement NOT LIKE '%pg_prepared_statements%'""").mapToMap().list());
        assertThat(statements).as("the two walks' page statements, prepared on the server").hasSize(2);
        assertThat(statements).allSatisfy(row -> {
            assertThat((Long) row.get("generic_plans")).as("pages run on the cached plan").isGreaterThan(0);
            assertThat((Long) row.get("custom_plans")).as("pages planned on their own").isLessThanOrEqualTo(5);
        });
    }

    /** Twenty pages by cursor: enough for pgjdbc to prepare the statement and PostgreSQL to settle on a plan. */
    private static void walk(LeadQueries queries, LeadFilters filters) {
        LeadQuery query = new LeadQuery(filters, new PageRequest(25, 0));
        Page<LeadListItem> page = queries.list(org, query);
        for (int i = 0; i < 20; i++) {
            LeadListItem last = page.items().get(page.items().size() - 1);
            page = queries.list(org, query.after(new ListPosition(last.createdAt(), last.id())));
        }
    }
}
