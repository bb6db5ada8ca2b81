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

    /** How often a capture looks for the row that made its insert a no-op, in case that row is deleted in between. */
    private static final int CAPTURE_ATTEMPTS = 3;

    private final Jdbi jdbi;

    JdbiLeadIntake(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public LeadId create(NewLead lead) {
        for (int attempt = 1; ; attempt++) {
            Optional<LeadId> created = jdbi.inTransaction(handle -> insertNew(handle, lead));
            if (created.isPresent()) {
                return created.get();
            }
            Optional<LeadId> existing = jdbi.withHandle(handle -> findByEmail(handle, lead));
            if (existing.isPresent()) {
                throw new DuplicateLeadException(existing.get());
            }
            if (attempt == CAPTURE_ATTEMPTS) { // the conflicting lead keeps being deleted as we look
                throw new IllegalStateException("could not create a lead: its email kept conflicting with a deleted lead");
            }
        }
    }

    @Override
    public CaptureOutcome capture(NewLead lead) {
        return jdbi.inTransaction(handle -> {
            for (int attempt = 1; attempt <= CAPTURE_ATTEMPTS; attempt++) {
                Optional<LeadId> created = insertNew(handle, lead);
                if (created.isPresent()) {
                    return new CaptureOutcome(created.get(), true, List.of());
                }
                Optional<CaptureOutcome> again = captureAgain(handle, lead);
                if (again.isPresent()) {
                    return again.get();
                }
            }
            throw new IllegalStateException("could not capture a lead: its email kept conflicting with a deleted lead");
        });
    }

    /** Inserts the lead with its history and consents; empty when the org already has the email. */
    private static Optional<LeadId> insertNew(Handle handle, NewLead lead) {
        LeadProfile profile = lead.profile();
        Optional<UUID> id = handle.createQuery("""
                        INSERT INTO leads (org_id, status, email, first_name, last_name, phone, tags, source, utm_source,
                                           utm_medium, utm_campaign, notes, notes_updated_at, notes_updated_by,
                                           created_at, updated_at)
                        VALUES (:org, :status, :email, :firstName, :lastName, :phone, CAST(:tags AS text[]), :source,
                                :utmSource, :utmMedium, :utmCampaign, :notes, :notesAt, :notesBy, :at, :at)
                        ON CONFLICT (org_id, lower(email)) DO NOTHING
                        RETURNING id""")
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
                .bind("at", SqlRows.utc(lead.createdAt()))
                .mapTo(UUID.class)
                .findOne();
        id.ifPresent(lead0 -> {
            HistoryRows.insert(handle, lead0, lead.org().value(), HistoryRows.CREATED, null, profile.source(),
                    lead.createdBy(), lead.createdAt());
            appendConsents(handle, lead, lead0);
        });
        return id.map(LeadId::new);
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
