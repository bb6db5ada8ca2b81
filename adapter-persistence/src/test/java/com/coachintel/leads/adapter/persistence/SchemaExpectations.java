package com.coachintel.leads.adapter.persistence;

import java.util.List;

/** What a migrated database holds; shared by the migration tests here and the {@code migrate} command's test. */
public final class SchemaExpectations {

    /** Every table of the data model. */
    public static final List<String> TABLES = List.of(
            "orgs", "users", "leads", "lead_consents", "message_events", "lead_status_changes", "lead_field_changes",
            "lead_exports", "lead_export_chunks", "lead_status_counts", "lead_tag_counts", "idempotency_keys",
            "rate_limit_windows", "lead_search", "lead_daily_counts");

    /** Every index the spec names, plus the ones the queries need, by name and definition fragment. */
    public static final List<List<String>> INDEXES = List.of(
            List.of("leads_org_id_idx", "(org_id)"),
            List.of("leads_org_created_at_idx", "(org_id, created_at DESC, id DESC)"),
            List.of("leads_status_idx", "(status)"),
            List.of("leads_created_at_idx", "(created_at)"),
            List.of("message_events_lead_occurred_at_idx", "(lead_id, occurred_at)"),
            List.of("leads_email_trgm_idx", "gin (email gin_trgm_ops)"),
            List.of("leads_first_name_trgm_idx", "gin (first_name gin_trgm_ops)"),
            List.of("leads_last_name_trgm_idx", "gin (last_name gin_trgm_ops)"),
            List.of("leads_tags_gin_idx", "gin (tags)"),
            List.of("leads_org_status_created_at_idx", "(org_id, status, created_at DESC, id DESC)"),
            List.of("lead_search_trgm_idx", "ON ONLY public.lead_search USING gin (haystack gin_trgm_ops)"),
            List.of("leads_org_email_lower_key", "(org_id, lower(email))"),
            List.of("users_email_lower_key", "(lower(email))"),
            List.of("lead_consents_latest_idx", "(lead_id, channel, captured_at DESC, id DESC)"),
            List.of("lead_status_changes_lead_idx", "(lead_id, changed_at DESC, id DESC)"),
            List.of("lead_field_changes_lead_idx", "(lead_id, changed_at DESC, id DESC)"));

    private SchemaExpectations() {
    }
}
