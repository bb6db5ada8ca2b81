package com.coachintel.leads.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachintel.leads.domain.LeadStatus;
import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.Tag;
import com.coachintel.leads.domain.port.LeadCsvSource;
import com.coachintel.leads.domain.query.CreatedRange;
import com.coachintel.leads.domain.query.LeadFilters;
import com.coachintel.leads.domain.query.SearchTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The CSV export against real PostgreSQL, parsed back and compared field by field with the database. */
class JdbiLeadCsvSourceTest {

    static TestDatabase db;
    static LeadCsvSource csv;
    static OrgId org;
    static List<UUID> tricky;

    @BeforeAll
    static void insertLeads() {
        db = TestPostgres.freshDatabase();
        csv = new PostgresPersistence(db.dataSource()).leadCsvSource();
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

    static String export(LeadFilters filters) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long rows = csv.writeCsv(org, filters, out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(CsvExportTestSupport.parse(text)).hasSize((int) rows + 1);
        return text;
    }

    static List<UUID> newestFirst(int... oneBasedPositions) {
        return java.util.Arrays.stream(oneBasedPositions).mapToObj(i -> tricky.get(i - 1)).toList();
    }

    @Test
    void exports_every_lead_of_the_org_newest_first_field_by_field() throws IOException {
        String text = export(LeadFilters.none());

        assertThat(text).startsWith("id,created_at,status,first_name,last_name,email,phone,tags,source,utm_source,"
                + "utm_medium,utm_campaign,last_contacted_at\r\n");
        CsvExportTestSupport.assertRowsMatchDatabase(db, CsvExportTestSupport.parse(text), newestFirst(7, 6, 5, 4, 3, 2, 1));
        assertThat(text).doesNotContain("other-org@example.com");
    }

    @Test
    void quotes_what_needs_quoting_and_defuses_formulas() throws IOException {
        String text = export(LeadFilters.none());

        assertThat(text).contains("\"Anne, Marie\"", "\"O\"\"Neil\"", "\"Line\nBreak\"", "Zoë", "Nguyễn 阮");
        assertThat(text).contains("'=HYPERLINK", "'+SUM(A1)", "'-2+3", "'@cmd", "'=cmd|' /C calc'!A0", "'-src");
        assertThat(text).contains("vip;q4-promo", "2026-03-01T10:15:30.123456Z", "+14155550123");
    }

    @Test
    void applies_every_filter() throws IOException {
        CsvExportTestSupport.assertRowsMatchDatabase(db, CsvExportTestSupport.parse(export(LeadFilters.none().withStatuses(Set.of(LeadStatus.INVITED)))), newestFirst(3, 2));
        CsvExportTestSupport.assertRowsMatchDatabase(db, CsvExportTestSupport.parse(export(LeadFilters.none().withTags(Set.of(new Tag("q4-promo"))))), newestFirst(6, 4, 2));
        CsvExportTestSupport.assertRowsMatchDatabase(db, CsvExportTestSupport.parse(export(LeadFilters.none().withSearch(SearchTerm.parse("NGUYỄN", "q")))), newestFirst(3));
        CsvExportTestSupport.assertRowsMatchDatabase(db, CsvExportTestSupport.parse(export(LeadFilters.none().withCreated(new CreatedRange(Instant.parse("2026-02-03T00:00:00Z"), Instant.parse("2026-02-05T00:00:00Z"))))), newestFirst(4, 3));
        assertThat(CsvExportTestSupport.parse(export(LeadFilters.none().withSearch(SearchTerm.parse("nobody", "q"))))).hasSize(1);
    }

    @Test
    void a_failing_reader_stops_the_export_and_frees_the_connection() {
        OutputStream brokenAfterHeader = new OutputStream() {
            int written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                written += len;
                if (written > 10) {
                    throw new IOException("Broken pipe");
                }
            }
        };
        db.jdbi().useHandle(h -> h.execute("""
                INSERT INTO leads (org_id, email, created_at)
                SELECT ?, 'bulk' || n || '@example.com', timestamptz '2025-01-01' + n * interval '1 second'
                FROM generate_series(1, 20000) AS n""", org.value()));
        try {
            assertThatThrownBy(() -> csv.writeCsv(org, LeadFilters.none(), brokenAfterHeader)).isInstanceOf(IOException.class)
                    .hasMessage("Broken pipe");
            assertThat(db.dataSource().getHikariPoolMXBean().getActiveConnections()).isZero();
        } finally {
            db.jdbi().useHandle(h -> h.execute("DELETE FROM leads WHERE email LIKE 'bulk%'"));
        }
    }

    @Test
    void a_database_failure_mid_export_reaches_the_caller_and_frees_the_connection() {
        OutputStream killsTheCursorOnFirstWrite = new OutputStream() {
            boolean killed;

            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                if (!killed) {
                    killed = true;
                    db.jdbi().useHandle(h -> h.execute("""
                            SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                            WHERE query LIKE 'SELECT l.id%' AND pid <> pg_backend_pid()"""));
                }
            }
        };
        db.jdbi().useHandle(h -> h.execute("""
                INSERT INTO leads (org_id, email, created_at)
                SELECT ?, 'bulk' || n || '@example.com', timestamptz '2025-01-01' + n * interval '1 second'
                FROM generate_series(1, 20000) AS n""", org.value()));
        try {
            assertThatThrownBy(() -> csv.writeCsv(org, LeadFilters.none(), killsTheCursorOnFirstWrite))
                    .isInstanceOf(RuntimeException.class).hasStackTraceContaining("terminating connection");
            assertThat(db.dataSource().getHikariPoolMXBean().getActiveConnections()).isZero();
        } finally {
            db.jdbi().useHandle(h -> h.execute("DELETE FROM leads WHERE email LIKE 'bulk%'"));
        }
    }
}
