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

    /** Every table of the data model. */
    static final List<String> TABLES = List.of(
            "orgs", "users", "leads", "lead_consents", "message_events", "lead_status_changes", "lead_field_changes");

    /** Every index the spec names, plus the ones the queries need, by name and definition fragment. */
    static final List<List<String>> INDEXES = List.of(
            List.of("leads_org_id_idx", "(org_id)"),
            List.of("leads_org_created_at_idx", "(org_id, created_at)"),
            List.of("leads_status_idx", "(status)"),
            List.of("leads_created_at_idx", "(created_at)"),
            List.of("message_events_lead_occurred_at_idx", "(lead_id, occurred_at)"),
            List.of("leads_email_trgm_idx", "gin (email gin_trgm_ops)"),
            List.of("leads_first_name_trgm_idx", "gin (first_name gin_trgm_ops)"),
            List.of("leads_last_name_trgm_idx", "gin (last_name gin_trgm_ops)"),
            List.of("leads_tags_gin_idx", "gin (tags)"),
            List.of("leads_org_email_lower_key", "(org_id, lower(email))"),
            List.of("users_email_lower_key", "(lower(email))"),
            List.of("lead_consents_latest_idx", "(lead_id, channel, captured_at DESC, id DESC)"),
            List.of("lead_status_changes_lead_idx", "(lead_id, changed_at DESC, id DESC)"),
            List.of("lead_field_changes_lead_idx", "(lead_id, changed_at DESC, id DESC)"));

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

        assertThat(tables).containsAll(TABLES);
    }

    @Test
    void creates_every_index_the_spec_names() {
        for (List<String> index : INDEXES) {
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
}
