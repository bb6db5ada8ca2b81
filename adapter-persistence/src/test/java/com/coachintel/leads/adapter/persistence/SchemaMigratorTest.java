package com.coachintel.leads.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SchemaMigratorTest {

    static TestDatabase db;

    @BeforeAll
    static void migrateAnEmptyDatabase() {
        db = TestPostgres.emptyDatabase();
        new PostgresPersistence(db.dataSource()).schemaMigrator().migrate();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void creates_every_table_of_the_data_model() {
        List<String> tables = db.jdbi().withHandle(h -> h.select(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'").mapTo(String.class).list());

        assertThat(tables).containsAll(SchemaExpectations.TABLES);
    }

    @Test
    void creates_every_index_the_spec_names() {
        for (List<String> index : SchemaExpectations.INDEXES) {
            List<String> definitions = db.jdbi().withHandle(h -> h.select(
                    "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND indexname = ?", index.get(0))
                    .mapTo(String.class).list());
            assertThat(definitions).as(index.get(0)).singleElement().asString().contains(index.get(1));
        }
    }

    @Test
    void enables_pg_trgm() {
        assertThat(db.scalar(Integer.class, "SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'")).isEqualTo(1);
    }

    @Test
    void running_again_changes_nothing() {
        int before = db.scalar(Integer.class, "SELECT count(*) FROM databasechangelog");

        new PostgresPersistence(db.dataSource()).schemaMigrator().migrate();

        assertThat(db.scalar(Integer.class, "SELECT count(*) FROM databasechangelog")).isEqualTo(before);
    }

    @Test
    void lead_status_emails_and_phones_are_checked_by_the_database_too() {
        UUID org = db.scalar(UUID.class, "INSERT INTO orgs (name) VALUES ('Checks') RETURNING id");
        db.jdbi().useHandle(h -> h.execute("INSERT INTO leads (org_id, email) VALUES (?, 'Ann@Example.com')", org));

        assertThatThrownBy(() -> db.jdbi().useHandle(h -> h.execute(
                "INSERT INTO leads (org_id, email) VALUES (?, 'ann@example.COM')", org)))
                .isInstanceOf(UnableToExecuteStatementException.class).hasMessageContaining("leads_org_email_lower_key");
        assertThatThrownBy(() -> db.jdbi().useHandle(h -> h.execute(
                "INSERT INTO leads (org_id, email, status) VALUES (?, 'b@example.com', 'pending')", org)))
                .hasMessageContaining("leads_status_check");
        assertThatThrownBy(() -> db.jdbi().useHandle(h -> h.execute(
                "INSERT INTO leads (org_id, email, phone) VALUES (?, 'c@example.com', '555-0100')", org)))
                .hasMessageContaining("leads_phone_check");
    }

    @Test
    void the_consent_ledger_is_append_only() {
        UUID org = db.scalar(UUID.class, "INSERT INTO orgs (name) VALUES ('Ledger') RETURNING id");
        UUID lead = db.scalar(UUID.class, "INSERT INTO leads (org_id, email) VALUES (?, 'l@example.com') RETURNING id", org);
        db.jdbi().useHandle(h -> h.execute("""
                INSERT INTO lead_consents (lead_id, org_id, channel, granted, captured_at, source)
                VALUES (?, ?, 'email', true, now(), 'test')""", lead, org));

        assertThatThrownBy(() -> db.jdbi().useHandle(h -> h.execute("UPDATE lead_consents SET granted = false")))
                .hasMessageContaining("lead_consents is append-only");
    }

    @Test
    void the_leads_table_is_vacuumed_often_enough_for_index_only_scans() {
        try (TestDatabase db = TestPostgres.freshDatabase()) {
            String options = db.scalar(String.class, "SELECT array_to_string(reloptions, ',') FROM pg_class WHERE relname = 'leads'");
            assertThat(options).contains("autovacuum_vacuum_scale_factor=0.01", "autovacuum_vacuum_insert_scale_factor=0.01");
        }
    }
}
