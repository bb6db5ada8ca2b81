package com.coachintel.leads.adapter.persistence;

import com.coachintel.leads.domain.ConsentEntry;
import com.coachintel.leads.domain.DuplicateLeadException;
import com.coachintel.leads.domain.LeadField;
import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.LeadProfile;
import com.coachintel.leads.domain.NewLead;
import com.coachintel.leads.domain.Notes;
import com.coachintel.leads.domain.PhoneNumber;
import com.coachintel.leads.domain.Tag;
import com.coachintel.leads.domain.port.LeadIntake;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link LeadIntake} on PostgreSQL. A lead's email is unique per org ignoring case ({@code leads_org_email_lower_key});
 * this is the one place that meets that rule: every insert is {@code ON CONFLICT (org_id, lower(email)) DO NOTHING}.
 * A concurrent insert of the same email waits for the first to commit and then inserts nothing, so concurrent
 * creates give one lead and one {@link DuplicateLeadException} each for the others, never a unique-violation error,
 * and concurrent captures give one lead that the others then complete. The counters' statement-level triggers
 * count each inserted lead once.
 */
final class JdbiLeadIntake implements LeadIntake {

    /** How often an insert is tried again when the lead that made it a no-op is deleted before it can be found. */
    private static final int ATTEMPTS = 3;

    private final Jdbi jdbi;

    JdbiLeadIntake(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public LeadId create(NewLead lead) {
        for (int attempt = 1; ; attempt++) {
            Optional<LeadId> created = jdbi.withHandle(handle -> insertNew(handle, lead));
            if (created.isPresent()) {
                return created.get();
            }
            Optional<LeadId> existing = jdbi.withHandle(handle -> findByEmail(handle, lead));
            if (existing.isPresent()) {
                throw new DuplicateLeadException(existing.get());
            }
            if (attempt == ATTEMPTS) { // the conflicting lead keeps being deleted as we look
                throw new IllegalStateException("could not create a lead: its email kept conflicting with a deleted lead");
            }
        }
    }

    @Override
    public CaptureOutcome capture(NewLead lead) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<LeadId> created = jdbi.withHandle(handle -> insertNew(handle, lead));
            if (created.isPresent()) {
                return new CaptureOutcome(created.get(), true, List.of());
            }
            Optional<CaptureOutcome> again = jdbi.inTransaction(handle -> captureAgain(handle, lead));
            if (again.isPresent()) {
                return again.get();
            }
        }
        throw new IllegalStateException("could not capture a lead: its email kept conflicting with a deleted lead");
    }

    /**
     * Inserts the lead, its {@code created} history entry, its consent entries and theirs, in one statement (so one
     * round trip and, without a transaction around it, atomic by itself); empty when the org already has the email.
     *
     * <p>One statement because of the counters: the insert's statement-level trigger upserts the org's
     * {@code waitlist} counter row (and each tag's), and that row stays locked until the insert commits, so every
     * concurrent insert into the org queues on it. Written as several statements, the lock was held across every
     * further round trip of the transaction. The consent history needs no look-up: a new lead has no earlier entry,
     * so its consent in force goes from none to its one entry per channel.
     */
    private static Optional<LeadId> insertNew(Handle handle, NewLead lead) {
        LeadProfile profile = lead.profile();
        List<ConsentEntry> consents = lead.consents();
        return handle.createQuery(INSERT_NEW)
                .bind("org", lead.org().value())
                .bind("status", NewLead.INITIAL_STATUS.wireName())
                .bind("email", lead.email().value())
                .bind("firstName", profile.firstName())
                .bind("lastName", profile.lastName())
                .bind("phone", e164(profile.phone()))
                .bind("tags", lead.tags().stream().map(Tag::value).toArray(String[]::new))
                .bind("source", profile.source())
                .bind("utmSource", profile.utmSource())
                .bind("utmMedium", profile.utmMedium())
                .bind("utmCampaign", profile.utmCampaign())
                .bind("notes", lead.notes().map(Notes::text).orElse(null))
                .bind("notesAt", lead.notes().isPresent() ? SqlRows.utc(lead.createdAt()) : null)
                .bind("notesBy", lead.notes().isPresent() ? lead.createdBy() : null)
                .bind("by", lead.createdBy())
                .bind("at", SqlRows.utc(lead.createdAt()))
                .bind("channels", column(consents, entry -> entry.channel().wireName()))
                .bind("granted", column(consents, entry -> Boolean.toString(entry.granted())))
                .bind("capturedAt", column(consents, entry -> entry.capturedAt().toString()))
                .bind("consentSources", column(consents, ConsentEntry::source))
                .bind("versions", column(consents, ConsentEntry::textVersion))
                .bind("ips", column(consents, ConsentEntry::ip))
                .bind("userAgents", column(consents, ConsentEntry::userAgent))
                .bind("recordedBy", column(consents, ConsentEntry::recordedBy))
                .mapTo(UUID.class)
                .findOne()
                .map(LeadId::new);
    }

    private static final String INSERT_NEW = """
            WITH lead AS (
                INSERT INTO leads (org_id, status, email, first_name, last_name, phone, tags, source, utm_source, utm_medium,
                                   utm_campaign, notes, notes_updated_at, notes_updated_by, created_at, updated_at)
                VALUES (:org, :status, :email, :firstName, :lastName, :phone, CAST(:tags AS text[]), :source, :utmSource,
                        :utmMedium, :utmCampaign, :notes, :notesAt, :notesBy, :at, :at)
                ON CONFLICT (org_id, lower(email)) DO NOTHING
                RETURNING id, org_id),
            created AS (
                INSERT INTO lead_field_changes (lead_id, org_id, field, old_value, new_value, changed_by, changed_at)
                SELECT id, org_id, 'created', NULL, to_jsonb(CAST(:source AS text)), :by, :at FROM lead),
            consents AS (
                INSERT INTO lead_consents (lead_id, org_id, channel, granted, captured_at, source, consent_version, ip,
                                           user_agent, recorded_by)
                SELECT lead.id, lead.org_id, c.channel, CAST(c.granted AS boolean), CAST(c.captured_at AS timestamptz),
                       c.source, c.version, CAST(c.ip AS inet), c.user_agent, c.recorded_by
                FROM lead, unnest(CAST(:channels AS text[]), CAST(:granted AS text[]), CAST(:capturedAt AS text[]),
                                  CAST(:consentSources AS text[]), CAST(:versions AS text[]), CAST(:ips AS text[]),
                                  CAST(:userAgents AS text[]), CAST(:recordedBy AS text[]))
                     AS c(channel, granted, captured_at, source, version, ip, user_agent, recorded_by)
                RETURNING lead_id, org_id, channel, granted, recorded_by, recorded_at),
            consent_history AS ( -- data-modifying: runs whether or not the query below reads it
                INSERT INTO lead_field_changes (lead_id, org_id, field, old_value, new_value, changed_by, changed_at)
                SELECT lead_id, org_id, 'consent_' || channel, NULL,
                       to_jsonb(CASE WHEN granted THEN 'granted' ELSE 'revoked' END), recorded_by, recorded_at
                FROM consents)
            SELECT id FROM lead""";

    private static String[] column(List<ConsentEntry> consents, java.util.function.Function<ConsentEntry, String> value) {
        return consents.stream().map(value).toArray(String[]::new);
    }

    /** Completes the org's lead with this email; empty when there is none (deleted since the insert conflicted). */
    private static Optional<CaptureOutcome> captureAgain(Handle handle, NewLead lead) {
        Optional<Existing> found = handle.createQuery("""
                        SELECT id, first_name, last_name, phone, source, utm_source, utm_medium, utm_campaign
                        FROM leads WHERE org_id = :org AND lower(email) = lower(:email) FOR UPDATE""")
                .bind("org", lead.org().value()).bind("email", lead.email().value())
                .map((rs, ctx) -> new Existing(rs.getObject("id", UUID.class), new LeadProfile(rs.getString("first_name"),
                        rs.getString("last_name"), rs.getString("phone") == null ? null : new PhoneNumber(rs.getString("phone")),
                        rs.getString("source"), rs.getString("utm_source"), rs.getString("utm_medium"),
                        rs.getString("utm_campaign"))))
                .findOne();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        UUID id = found.get().id();
        LeadProfile.Fill fill = found.get().profile().fillBlanksFrom(lead.profile());
        LeadProfile after = fill.after();
        // Captured again is a change of the lead (its history and maybe its consents), so its version goes up.
        handle.createUpdate("""
                        UPDATE leads SET first_name = :firstName, last_name = :lastName, phone = :phone, source = :source,
                               utm_source = :utmSource, utm_medium = :utmMedium, utm_campaign = :utmCampaign,
                               updated_at = :at, version = version + 1
                        WHERE id = :id""")
                .bind("firstName", after.firstName()).bind("lastName", after.lastName()).bind("phone", e164(after.phone()))
                .bind("source", after.source()).bind("utmSource", after.utmSource()).bind("utmMedium", after.utmMedium())
                .bind("utmCampaign", after.utmCampaign()).bind("at", SqlRows.utc(lead.createdAt())).bind("id", id)
                .execute();
        HistoryRows.insert(handle, id, lead.org().value(), HistoryRows.CAPTURED, null,
                fill.filled().stream().map(LeadField::wireName).toList(), lead.createdBy(), lead.createdAt());
        appendConsents(handle, lead, id);
        return Optional.of(new CaptureOutcome(new LeadId(id), false, fill.filled()));
    }

    private static void appendConsents(Handle handle, NewLead lead, UUID id) {
        for (ConsentEntry entry : lead.consents()) {
            ConsentRows.append(handle, lead.org().value(), id, entry);
        }
    }

    private static Optional<LeadId> findByEmail(Handle handle, NewLead lead) {
        return handle.createQuery("SELECT id FROM leads WHERE org_id = :org AND lower(email) = lower(:email)")
                .bind("org", lead.org().value()).bind("email", lead.email().value())
                .mapTo(UUID.class).findOne().map(LeadId::new);
    }

    private static String e164(PhoneNumber phone) {
        return phone == null ? null : phone.e164();
    }

    private record Existing(UUID id, LeadProfile profile) {
    }
}
