package com.coachintel.leads.adapter.persistence;

import com.coachintel.leads.domain.FieldChange;
import com.coachintel.leads.domain.Lead;
import com.coachintel.leads.domain.LeadDetails;
import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.LeadNotFoundException;
import com.coachintel.leads.domain.LeadUpdate;
import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.PhoneNumber;
import com.coachintel.leads.domain.StatusChange;
import com.coachintel.leads.domain.Tag;
import com.coachintel.leads.domain.port.LeadStore;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * {@link LeadStore} on PostgreSQL. One transaction per change: {@code SELECT ... FOR UPDATE} makes
 * concurrent writers of one lead queue up behind each other, so each applies its change to the lead as
 * the previous one left it and nothing is lost; the lead, its status change and its field audit are
 * written together or not at all.
 */
final class JdbiLeadStore implements LeadStore {

    private final Jdbi jdbi;
    private final JdbiLeadDetail detail;

    JdbiLeadStore(Jdbi jdbi, JdbiLeadDetail detail) {
        this.jdbi = jdbi;
        this.detail = detail;
    }

    @Override
    public Written update(OrgId org, LeadId id, Optional<Long> expectedVersion, Function<Lead, LeadUpdate> change) {
        return jdbi.inTransaction(handle -> {
            Lead lead = lockForUpdate(handle, org, id).orElseThrow(() -> new LeadNotFoundException(id));
            lead.requireVersion(expectedVersion);
            LeadUpdate update = change.apply(lead);
            if (update.changed()) {
                write(handle, update);
            }
            // Read before commit, under the row lock: the lead as this change left it, one round trip more.
            LeadDetails after = detail.details(handle.getConnection(), org, id, LeadDetails.RECENT_STATUS_CHANGES)
                    .orElseThrow(() -> new IllegalStateException("lead " + id + " vanished under its own row lock"));
            return new Written(update, after);
        });
    }

    private static Optional<Lead> lockForUpdate(Handle handle, OrgId org, LeadId id) {
        return handle.createQuery("""
                        SELECT id, org_id, status, tags, phone, notes, notes_updated_at, notes_updated_by, updated_at, version
                        FROM leads WHERE id = :id AND org_id = :org FOR UPDATE""")
                .bind("id", id.value()).bind("org", org.value())
                .map((rs, ctx) -> Lead.restore(new LeadId(rs.getObject("id", UUID.class)),
                        new OrgId(rs.getObject("org_id", UUID.class)), SqlRows.status(rs.getString("status")),
                        SqlRows.tags(rs.getObject("id", UUID.class), rs.getArray("tags")),
                        rs.getString("phone") == null ? null : new PhoneNumber(rs.getString("phone")),
                        rs.getString("notes"), SqlRows.instant(rs, "notes_updated_at"), rs.getString("notes_updated_by"),
                        SqlRows.instant(rs, "updated_at"), rs.getLong("version")))
                .findOne();
    }

    private static void write(Handle handle, LeadUpdate update) {
        Lead after = update.after();
        int rows = handle.createUpdate("""
                        UPDATE leads SET status = :status, tags = CAST(:tags AS text[]), phone = :phone, notes = :notes,
                               notes_updated_at = :notesUpdatedAt, notes_updated_by = :notesUpdatedBy,
                               updated_at = :updatedAt, version = :version
                        WHERE id = :id AND version = :previousVersion""")
                .bind("status", after.status().wireName())
                .bind("tags", after.tags().stream().map(Tag::value).toArray(String[]::new))
                .bind("phone", after.phone() == null ? null : after.phone().e164())
                .bind("notes", after.notes())
                .bind("notesUpdatedAt", SqlRows.utc(after.notesUpdatedAt()))
                .bind("notesUpdatedBy", after.notesUpdatedBy())
                .bind("updatedAt", SqlRows.utc(after.updatedAt()))
                .bind("version", after.version())
                .bind("id", after.id().value())
                .bind("previousVersion", update.before().version())
                .execute();
        if (rows != 1) { // the row is locked, so this would be a bug, not a race
            throw new IllegalStateException("lead " + after.id() + " was not at version " + update.before().version());
        }
        update.statusChange().ifPresent(change -> insertStatusChange(handle, after, change));
        if (!update.fieldChanges().isEmpty()) {
            insertFieldChanges(handle, update);
        }
    }

    private static void insertStatusChange(Handle handle, Lead lead, StatusChange change) {
        handle.createUpdate("""
                        INSERT INTO lead_status_changes (lead_id, org_id, from_status, to_status, changed_by, changed_at, reason,
                                                         correction)
                        VALUES (:lead, :org, :from, :to, :by, :at, :reason, :correction)""")
                .bind("lead", lead.id().value()).bind("org", lead.orgId().value())
                .bind("from", change.from() == null ? null : change.from().wireName()).bind("to", change.to().wireName())
                .bind("by", change.changedBy()).bind("at", SqlRows.utc(change.changedAt())).bind("reason", change.reason())
                .bind("correction", change.correction())
                .execute();
    }

    private static void insertFieldChanges(Handle handle, LeadUpdate update) {
        PreparedBatch batch = handle.prepareBatch(HistoryRows.INSERT);
        Lead lead = update.after();
        for (FieldChange change : update.fieldChanges()) {
            HistoryRows.bind(batch, lead.id().value(), lead.orgId().value(), change.field().wireName(), change.before(),
                    change.after(), update.changedBy(), update.changedAt()).add();
        }
        batch.execute();
    }
}
