package com.coachintel.leads.domain.export;

import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.query.LeadFilters;
import java.time.Instant;
import java.util.Objects;

/**
 * A CSV export run as a background job.
 *
 * @param id          the export's id
 * @param orgId       whose leads
 * @param requestedBy who asked for it
 * @param filters     which leads
 * @param status      where it stands
 * @param rowCount    rows written (without the header) once it succeeded; null before
 * @param createdAt   when it was asked for
 * @param finishedAt  when the last attempt ended; null while queued or running
 * @param expiresAt   when it and its file are deleted
 * @param error       why the last attempt failed; null otherwise
 */
public record LeadExport(ExportId id, OrgId orgId, String requestedBy, LeadFilters filters, ExportStatus status,
        Long rowCount, Instant createdAt, Instant finishedAt, Instant expiresAt, String error) {

    public LeadExport {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(filters, "filters");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** A new export, queued. */
    public static LeadExport queued(ExportId id, OrgId orgId, String requestedBy, LeadFilters filters, Instant now,
            Instant expiresAt) {
        return new LeadExport(id, orgId, requestedBy, filters, ExportStatus.QUEUED, null, now, null, expiresAt, null);
    }
}
