package com.coachintel.leads.adapter.persistence.demo;

import com.coachintel.leads.adapter.persistence.demo.DemoLeadGenerator.DemoEvent;
import com.coachintel.leads.adapter.persistence.demo.DemoLeadGenerator.DemoLead;
import com.coachintel.leads.domain.ConsentEntry;
import com.coachintel.leads.domain.LeadProfile;
import com.coachintel.leads.domain.Notes;
import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.StatusChange;
import com.coachintel.leads.domain.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Seeds two demo orgs: "Demo Coaching" (user {@code demo@coachintel.test}, 1,000 leads) and "Other Coaching"
 * (user {@code other@coachintel.test}, 50 leads), with consents for both channels, message events and status
 * history that the lifecycle allows. {@link DemoLeadGenerator} makes the leads as domain values; this class is the
 * thin writer that stores them, in batches in one transaction (through the ports, one lead at a time, the same
 * data took seconds at every fresh start instead of a fraction of one).
 *
 * <p>Idempotent: an org that exists already is left alone, and concurrent seeders serialise on an advisory lock, so
 * two instances starting together seed once.
 */
public final class DemoDataSeeder {

    /** The demo org the README's curl examples use. */
    public static final DemoOrg DEMO = new DemoOrg("Demo Coaching", "demo@coachintel.test", 1000, 20260101L);
    /** A second org that proves isolation: its leads never show up for the demo user. */
    public static final DemoOrg OTHER = new DemoOrg("Other Coaching", "other@coachintel.test", 50, 20260202L);

    private static final long SEED_LOCK_KEY = 0x1EAD5_5EEDL;
    private static final int BATCH_SIZE = 500;

    private final Jdbi jdbi;
    private final Clock clock;

    /** A seeder on {@code jdbi}'s database; the data's timestamps follow {@code clock}. */
    public DemoDataSeeder(Jdbi jdbi, Clock clock) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Seeds {@link #DEMO} and {@link #OTHER} where they are missing; says what it did. */
    public SeedReport seedIfAbsent() {
        return jdbi.inTransaction(handle -> {
            handle.execute("SELECT pg_advisory_xact_lock(?)", SEED_LOCK_KEY);
            List<String> seeded = new ArrayList<>();
            int leads = 0;
            for (DemoOrg org : List.of(DEMO, OTHER)) {
                Optional<UUID> existing = handle.createQuery("SELECT id FROM orgs WHERE name = :name")
                        .bind("name", org.name()).mapTo(UUID.class).findOne();
                if (existing.isEmpty()) {
                    leads += seed(handle, org);
                    seeded.add(org.name());
                }
            }
            return new SeedReport(List.copyOf(seeded), leads);
        });
    }

    private int seed(Handle handle, DemoOrg org) {
        Instant now = clock.instant();
        UUID orgId = handle.createQuery("INSERT INTO orgs (name, created_at) VALUES (:name, :now) RETURNING id")
                .bind("name", org.name()).bind("now", utc(now)).mapTo(UUID.class).one();
        insertUsers(handle, orgId, org, now);
        List<DemoLead> leads = DemoLeadGenerator.generate(new OrgId(orgId), org, now);
        insertLeads(handle, leads);
        insertStatusChanges(handle, leads);
        insertConsents(handle, leads);
        insertMessageEvents(handle, leads);
        return leads.size();
    }

    private static void insertUsers(Handle handle, UUID orgId, DemoOrg org, Instant now) {
        PreparedBatch users = handle.prepareBatch(
                "INSERT INTO users (org_id, email, display_name, role, active, created_at) "
                        + "VALUES (:orgId, :email, :name, :role, :active, :now)");
        String local = org.userEmail().substring(0, org.userEmail().indexOf('@'));
        users.bind("orgId", orgId).bind("email", org.userEmail()).bind("name", DemoLeadGenerator.capitalize(local) + " Coach")
                .bind("role", "owner").bind("active", true).bind("now", utc(now)).add();
        // An inactive colleague, so the 403 for deactivated users can be tried against demo data too.
        users.bind("orgId", orgId).bind("email", "former-" + org.userEmail()).bind("name", "Former Assistant")
                .bind("role", "member").bind("active", false).bind("now", utc(now)).add();
        users.execute();
    }

    private static void insertLeads(Handle handle, List<DemoLead> leads) {
        PreparedBatch batch = handle.prepareBatch("""
                INSERT INTO leads (id, org_id, created_at, updated_at, status, first_name, last_name, email, phone, tags,
                                   source, utm_source, utm_medium, utm_campaign, notes, notes_updated_at, notes_updated_by,
                                   last_contacted_at)
                VALUES (:id, :orgId, :createdAt, :updatedAt, :status, :firstName, :lastName, :email, :phone,
                        CAST(:tags AS text[]), :source, :utmSource, :utmMedium, :utmCampaign, :notes, :notesUpdatedAt,
                        :notesUpdatedBy, :lastContactedAt)
                """);
        for (DemoLead demo : leads) {
            LeadProfile profile = demo.lead().profile();
            batch.bind("id", demo.id().value()).bind("orgId", demo.lead().org().value())
                    .bind("createdAt", utc(demo.lead().createdAt())).bind("updatedAt", utc(demo.updatedAt()))
                    .bind("status", demo.status().wireName())
                    .bind("firstName", profile.firstName()).bind("lastName", profile.lastName())
                    .bind("email", demo.lead().email().value())
                    .bind("phone", profile.phone() == null ? null : profile.phone().e164())
                    .bind("tags", demo.lead().tags().stream().map(Tag::value).toArray(String[]::new))
                    .bind("source", profile.source()).bind("utmSource", profile.utmSource())
                    .bind("utmMedium", profile.utmMedium()).bind("utmCampaign", profile.utmCampaign())
                    .bind("notes", demo.notes().map(Notes::text).orElse(null))
                    .bind("notesUpdatedAt", utc(demo.notesUpdatedAt()))
                    .bind("notesUpdatedBy", demo.notes().isPresent() ? demo.coach() : null)
                    .bind("lastContactedAt", utc(demo.lastContactedAt()))
                    .add();
            executeWhenFull(batch);
        }
        executeRest(batch);
    }

    private static void insertStatusChanges(Handle handle, List<DemoLead> leads) {
        PreparedBatch batch = handle.prepareBatch("""
                INSERT INTO lead_status_changes (lead_id, org_id, from_status, to_status, changed_by, changed_at, reason,
                                                 correction)
                VALUES (:leadId, :orgId, :from, :to, :by, :at, :reason, :correction)
                """);
        for (DemoLead demo : leads) {
            for (StatusChange change : demo.statusChanges()) {
                batch.bind("leadId", demo.id().value()).bind("orgId", demo.lead().org().value())
                        .bind("from", change.from().wireName()).bind("to", change.to().wireName())
                        .bind("by", change.changedBy()).bind("at", utc(change.changedAt())).bind("reason", change.reason())
                        .bind("correction", change.correction()).add();
                executeWhenFull(batch);
            }
        }
        executeRest(batch);
    }

    private static void insertConsents(Handle handle, List<DemoLead> leads) {
        PreparedBatch batch = handle.prepareBatch("""
                INSERT INTO lead_consents (lead_id, org_id, channel, granted, captured_at, source, ip, user_agent,
                                           consent_version, recorded_by)
                VALUES (:leadId, :orgId, :channel, :granted, :capturedAt, :source, CAST(:ip AS inet), :userAgent,
                        :version, :recordedBy)
                """);
        for (DemoLead demo : leads) {
            List<ConsentEntry> all = new ArrayList<>(demo.lead().consents());
            all.addAll(demo.laterConsents());
            for (ConsentEntry entry : all) {
                batch.bind("leadId", demo.id().value()).bind("orgId", demo.lead().org().value())
                        .bind("channel", entry.channel().wireName()).bind("granted", entry.granted())
                        .bind("capturedAt", utc(entry.capturedAt())).bind("source", entry.source()).bind("ip", entry.ip())
                        .bind("userAgent", entry.userAgent()).bind("version", entry.textVersion())
                        .bind("recordedBy", entry.recordedBy()).add();
                executeWhenFull(batch);
            }
        }
        executeRest(batch);
    }

    private static void insertMessageEvents(Handle handle, List<DemoLead> leads) {
        PreparedBatch batch = handle.prepareBatch("""
                INSERT INTO message_events (lead_id, org_id, channel, type, occurred_at, provider_message_id, metadata)
                VALUES (:leadId, :orgId, :channel, :type, :occurredAt, :messageId,
                        jsonb_build_object('campaign', CAST(:campaign AS text)))
                """);
        for (DemoLead demo : leads) {
            for (DemoEvent event : demo.events()) {
                batch.bind("leadId", demo.id().value()).bind("orgId", demo.lead().org().value())
                        .bind("channel", event.channel().wireName()).bind("type", event.type().wireName())
                        .bind("occurredAt", utc(event.occurredAt())).bind("messageId", event.providerMessageId())
                        .bind("campaign", event.campaign()).add();
                executeWhenFull(batch);
            }
        }
        executeRest(batch);
    }

    private static void executeWhenFull(PreparedBatch batch) {
        if (batch.size() >= BATCH_SIZE) {
            batch.execute();
        }
    }

    private static void executeRest(PreparedBatch batch) {
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * One demo org.
     *
     * @param name       the org's name, which is how the seeder recognises it
     * @param userEmail  its active user
     * @param leadCount  how many leads it gets
     * @param randomSeed the seed of its data
     */
    public record DemoOrg(String name, String userEmail, int leadCount, long randomSeed) {
    }

    /**
     * What a run did.
     *
     * @param seededOrgs the orgs it created; empty when everything was there already
     * @param leads      how many leads it inserted
     */
    public record SeedReport(List<String> seededOrgs, int leads) {
    }
}
