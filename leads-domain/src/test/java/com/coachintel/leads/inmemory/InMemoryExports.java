package com.coachintel.leads.inmemory;

import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.export.ExportId;
import com.coachintel.leads.domain.export.ExportStatus;
import com.coachintel.leads.domain.export.LeadExport;
import com.coachintel.leads.domain.port.LeadExports;
import com.coachintel.leads.domain.query.ListPosition;
import com.coachintel.leads.domain.query.Page;
import com.coachintel.leads.domain.query.PageRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link LeadExports} in memory: export rows and their files as byte arrays. */
final class InMemoryExports implements LeadExports {

    private final Map<ExportId, LeadExport> exports = new LinkedHashMap<>();
    private final Map<ExportId, ByteArrayOutputStream> files = new LinkedHashMap<>();

    @Override
    public synchronized void create(LeadExport export) {
        exports.put(export.id(), export);
    }

    @Override
    public synchronized Optional<LeadExport> find(OrgId org, ExportId id) {
        return findForWorker(id).filter(export -> export.orgId().equals(org));
    }

    @Override
    public synchronized Optional<LeadExport> findForWorker(ExportId id) {
        return Optional.ofNullable(exports.get(id));
    }

    @Override
    public synchronized Page<LeadExport> list(OrgId org, PageRequest page) {
        List<LeadExport> mine = exports.values().stream().filter(export -> export.orgId().equals(org))
                .sorted(Comparator.comparing(LeadExport::createdAt)
                        .thenComparing(export -> export.id().value(), ListPosition.ID_ORDER).reversed())
                .toList();
        return new Page<>(mine.stream().skip(page.offset()).limit(page.limit()).toList(), mine.size(), page.limit(),
                page.offset());
    }

    @Override
    public synchronized void markRunning(ExportId id) {
        files.remove(id);
        set(id, ExportStatus.RUNNING, null, null, null);
    }

    @Override
    public synchronized void markSucceeded(ExportId id, long rowCount, Instant at) {
        set(id, ExportStatus.SUCCEEDED, rowCount, at, null);
    }

    @Override
    public synchronized void markFailed(ExportId id, String error, Instant at) {
        LeadExport export = exports.get(id);
        String bounded = error == null ? "unknown error" : error.length() <= 2000 ? error : error.substring(0, 2000);
        set(id, ExportStatus.FAILED, export == null ? null : export.rowCount(), at, bounded);
    }

    private void set(ExportId id, ExportStatus status, Long rows, Instant at, String error) {
        LeadExport e = exports.get(id);
        if (e != null) {
            exports.put(id, new LeadExport(id, e.orgId(), e.requestedBy(), e.filters(), status, rows, e.createdAt(), at,
                    e.expiresAt(), error));
        }
    }

    @Override
    public synchronized OutputStream openFile(ExportId id) {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        files.put(id, file);
        return file;
    }

    @Override
    public void copyFile(ExportId id, OutputStream out) throws IOException {
        ByteArrayOutputStream file;
        synchronized (this) {
            file = files.get(id);
        }
        if (file != null) {
            file.writeTo(out);
        }
    }

    @Override
    public synchronized int deleteExpired(Instant now) {
        List<ExportId> expired = exports.values().stream().filter(export -> export.expiresAt().isBefore(now))
                .map(LeadExport::id).toList();
        expired.forEach(id -> {
            exports.remove(id);
            files.remove(id);
        });
        return expired.size();
    }
}
