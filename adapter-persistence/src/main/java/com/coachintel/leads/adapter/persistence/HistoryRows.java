package com.coachintel.leads.adapter.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Rows of {@code lead_field_changes}: field edits, and how a lead came in and how its consent changed. Values go
 * in as jsonb: a JSON array of texts (tags, the fields a capture filled), a JSON string, or SQL NULL for none.
 */
final class HistoryRows {

    /**
     * History fields beyond the audited lead fields (tags, phone, notes); {@code created} is written by
     * {@code JdbiLeadIntake}'s one insert statement.
     */
    static final String CAPTURED = "captured";
    static final String CONSENT_PREFIX = "consent_";

    static final String INSERT = """
            INSERT INTO lead_field_changes (lead_id, org_id, field, old_value, new_value, changed_by, changed_at)
            VALUES (:lead, :org, :field,
                    COALESCE(to_jsonb(CAST(:oldList AS text[])), to_jsonb(CAST(:oldText AS text))),
                    COALESCE(to_jsonb(CAST(:newList AS text[])), to_jsonb(CAST(:newText AS text))),
                    :by, :at)""";

    private HistoryRows() {
    }

    /** Binds one row's values to {@link #INSERT}. */
    static <S extends SqlStatement<S>> S bind(S statement, UUID lead, UUID org, String field, Object before, Object after,
            String by, Instant at) {
        return statement.bind("lead", lead).bind("org", org).bind("field", field)
                .bind("oldList", asList(before)).bind("oldText", asText(before))
                .bind("newList", asList(after)).bind("newText", asText(after))
                .bind("by", by).bind("at", SqlRows.utc(at));
    }

    /** Writes one row. */
    static void insert(Handle handle, UUID lead, UUID org, String field, Object before, Object after, String by, Instant at) {
        bind(handle.createUpdate(INSERT), lead, org, field, before, after, by, at).execute();
    }

    private static String[] asList(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toArray(String[]::new) : null;
    }

    private static String asText(Object value) {
        return value instanceof String text ? text : null;
    }
}
