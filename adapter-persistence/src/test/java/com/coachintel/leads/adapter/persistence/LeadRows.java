package com.coachintel.leads.adapter.persistence;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Test data written straight into the tables: orgs, users and leads with exactly the fields a test
 * cares about ({@code LeadRows.aLead().withStatus("invited").insert(db, org)}).
 */
public final class LeadRows {

    private static int sequence;

    private UUID id = UUID.randomUUID();
    private Instant createdAt = Instant.parse("2026-01-15T10:00:00Z");
    private String status = "waitlist";
    private String firstName = "Ada";
    private String lastName = "Lovelace";
    private String email;
    private String phone;
    private List<String> tags = new ArrayList<>();
    private String source = "website";
    private String utmSource;
    private String utmMedium;
    private String utmCampaign;
    private String notes;
    private Instant lastContactedAt;

    private LeadRows() {
        email = "lead" + (++sequence) + "@example.com";
    }

    public static LeadRows aLead() {
        return new LeadRows();
    }

    /** Creates an org and returns its id. */
    public static UUID insertOrg(TestDatabase db, String name) {
        return db.scalar(UUID.class, "INSERT INTO orgs (name) VALUES (?) RETURNING id", name);
    }

    /** Creates a user of the org. */
    public static void insertUser(TestDatabase db, UUID org, String email, boolean active) {
        db.jdbi().useHandle(h -> h.execute("INSERT INTO users (org_id, email, active) VALUES (?, ?, ?)", org, email, active));
    }

    public LeadRows withId(UUID value) {
        id = value;
        return this;
    }

    public LeadRows createdAt(String isoInstant) {
        createdAt = Instant.parse(isoInstant);
        return this;
    }

    public LeadRows withStatus(String value) {
        status = value;
        return this;
    }

    public LeadRows named(String first, String last) {
        firstName = first;
        lastName = last;
        return this;
    }

    public LeadRows withEmail(String value) {
        email = value;
        return this;
    }

    public LeadRows withPhone(String value) {
        phone = value;
        return this;
    }

    public LeadRows withTags(String... values) {
        tags = List.of(values);
        return this;
    }

    public LeadRows withSource(String value) {
        source = value;
        return this;
    }

    public LeadRows withUtm(String utmSourceValue, String utmMediumValue, String utmCampaignValue) {
        utmSource = utmSourceValue;
        utmMedium = utmMediumValue;
        utmCampaign = utmCampaignValue;
        return this;
    }

    public LeadRows withNotes(String value) {
        notes = value;
        return this;
    }

    public LeadRows lastContactedAt(String isoInstant) {
        lastContactedAt = isoInstant == null ? null : Instant.parse(isoInstant);
        return this;
    }

    /** Inserts the lead into the org and returns its id. */
    public UUID insert(TestDatabase db, UUID org) {
        db.jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO leads (id, org_id, created_at, updated_at, status, first_name, last_name, email, phone, tags,
                                           source, utm_source, utm_medium, utm_campaign, notes, notes_updated_at,
                                           notes_updated_by, last_contacted_at)
                        VALUES (:id, :org, :createdAt, :createdAt, :status, :firstName, :lastName, :email, :phone,
                                CAST(:tags AS text[]), :source, :utmSource, :utmMedium, :utmCampaign, :notes,
                                CASE WHEN CAST(:notes AS text) IS NULL THEN NULL ELSE CAST(:createdAt AS timestamptz) END,
                                CASE WHEN CAST(:notes AS text) IS NULL THEN NULL ELSE 'coach@example.com' END, :lastContactedAt)""")
                .bind("id", id).bind("org", org).bind("createdAt", createdAt.atOffset(ZoneOffset.UTC)).bind("status", status)
                .bind("firstName", firstName).bind("lastName", lastName).bind("email", email).bind("phone", phone)
                .bind("tags", tags.toArray(String[]::new)).bind("source", source).bind("utmSource", utmSource)
                .bind("utmMedium", utmMedium).bind("utmCampaign", utmCampaign).bind("notes", notes)
                .bind("lastContactedAt", lastContactedAt == null ? null : lastContactedAt.atOffset(ZoneOffset.UTC))
                .execute());
        return id;
    }

    /** Appends a consent entry to the lead's ledger. */
    public static void insertConsent(TestDatabase db, UUID lead, String channel, boolean granted, String capturedAt,
            String source) {
        db.jdbi().useHandle(h -> h.execute("""
                INSERT INTO lead_consents (lead_id, org_id, channel, granted, captured_at, source)
                SELECT id, org_id, ?, ?, CAST(? AS timestamptz), ? FROM leads WHERE id = ?""",
                channel, granted, capturedAt, source, lead));
    }

    /** Adds a message event to the lead and returns its id. */
    public static long insertEvent(TestDatabase db, UUID lead, String channel, String type, String occurredAt,
            String metadataJson) {
        return db.scalar(Long.class, """
                INSERT INTO message_events (lead_id, org_id, channel, type, occurred_at, provider_message_id, metadata)
                SELECT id, org_id, ?, ?, CAST(? AS timestamptz), 'msg-' || md5(random()::text), CAST(? AS jsonb)
                FROM leads WHERE id = ? RETURNING id""", channel, type, occurredAt, metadataJson, lead);
    }

    /** Records a status change of the lead. */
    public static void insertStatusChange(TestDatabase db, UUID lead, String from, String to, String changedAt,
            String reason) {
        db.jdbi().useHandle(h -> h.execute("""
                INSERT INTO lead_status_changes (lead_id, org_id, from_status, to_status, changed_by, changed_at, reason)
                SELECT id, org_id, ?, ?, 'coach@example.com', CAST(? AS timestamptz), ? FROM leads WHERE id = ?""",
                from, to, changedAt, reason, lead));
    }
}
