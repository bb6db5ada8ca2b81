package com.coachintel.leads.application.export;

import com.coachintel.leads.application.csv.LeadCsvWriter;
import com.coachintel.leads.domain.export.ExportId;
import com.coachintel.leads.domain.export.ExportNotFoundException;
import com.coachintel.leads.domain.export.ExportNotReadyException;
import com.coachintel.leads.domain.export.ExportStatus;
import com.coachintel.leads.domain.export.LeadExport;
import com.coachintel.leads.domain.port.ExportScheduler;
import com.coachintel.leads.domain.port.LeadExports;
import com.coachintel.leads.domain.port.MatchingLeads;
import com.coachintel.leads.domain.query.LeadFilters;
import com.coachintel.leads.domain.query.Page;
import com.coachintel.leads.domain.query.PageRequest;
import com.coachintel.leads.domain.user.Caller;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The export use cases over the {@link MatchingLeads}, {@link LeadExports} and {@link ExportScheduler} ports; the
 * CSV is written here ({@link LeadCsvWriter}), not by storage.
 */
public final class ExportService implements ExportLeadsUseCase, ExportJobsUseCase, RunExportUseCase {

    private static final Logger LOG = Logger.getLogger(ExportService.class.getName());

    private final LeadCsvWriter csv;
    private final LeadExports exports;
    private final ExportScheduler scheduler;
    private final Clock clock;
    private final Duration timeToLive;

    /**
     * @param timeToLive how long an export and its file are kept after it was requested
     */
    public ExportService(MatchingLeads leads, LeadExports exports, ExportScheduler scheduler, Clock clock, Duration timeToLive) {
        this.csv = new LeadCsvWriter(leads);
        this.exports = Objects.requireNonNull(exports, "exports");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeToLive = Objects.requireNonNull(timeToLive, "timeToLive");
        if (timeToLive.isNegative() || timeToLive.isZero()) {
            throw new IllegalArgumentException("timeToLive must be positive, got " + timeToLive);
        }
    }

    @Override
    public ExportWritten exportCsv(Caller caller, LeadFilters filters, CsvTarget target) throws IOException {
        CountingStream out = new CountingStream(target.open());
        long rows = csv.write(caller.orgId(), filters, out);
        return new ExportWritten(rows, out.count);
    }

    @Override
    public LeadExport requestExport(Caller caller, LeadFilters filters) {
        Instant now = clock.instant();
        LeadExport export = LeadExport.queued(ExportId.random(), caller.orgId(), caller.email(), filters, now,
                now.plus(timeToLive));
        exports.create(export);
        try {
            scheduler.enqueue(export.id());
        } catch (RuntimeException e) {
            exports.markFailed(export.id(), "could not be scheduled: " + e.getMessage(), clock.instant());
            throw e;
        }
        return export;
    }

    @Override
    public LeadExport getExport(Caller caller, ExportId id) {
        return exports.find(caller.orgId(), id).orElseThrow(() -> new ExportNotFoundException(id));
    }

    @Override
    public Page<LeadExport> listExports(Caller caller, PageRequest page) {
        return exports.list(caller.orgId(), page);
    }

    @Override
    public void downloadExport(Caller caller, ExportId id, Function<LeadExport, OutputStream> open) throws IOException {
        LeadExport export = getExport(caller, id);
        if (export.status() != ExportStatus.SUCCEEDED) {
            throw new ExportNotReadyException(id, export.status());
        }
        exports.copyFile(id, open.apply(export));
    }

    @Override
    public ExportWritten runExport(ExportId id) {
        LeadExport export = exports.findForWorker(id).orElse(null);
        if (export == null) {
            LOG.info(() -> "export " + id + " no longer exists (expired or deleted); nothing to do");
            return ExportWritten.NOTHING;
        }
        if (export.status() == ExportStatus.SUCCEEDED) {
            return ExportWritten.NOTHING; // a second run of a finished job
        }
        exports.markRunning(id);
        try {
            long rows;
            CountingStream file = new CountingStream(exports.openFile(id));
            try (file) {
                rows = csv.write(export.orgId(), export.filters(), file);
            }
            exports.markSucceeded(id, rows, clock.instant());
            return new ExportWritten(rows, file.count);
        } catch (IOException | RuntimeException e) {
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            // The log gets the kind of fault only: a driver's message can quote row values (a key, an email). The
            // export's own record, which only its org reads, keeps the whole reason.
            LOG.log(Level.WARNING, "export " + id + " failed: " + e.getClass().getName());
            exports.markFailed(id, reason, clock.instant());
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    @Override
    public int deleteExpiredExports() {
        return exports.deleteExpired(clock.instant());
    }

    /** Counts the bytes written through it. */
    private static final class CountingStream extends java.io.FilterOutputStream {
        private long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            count += length;
        }
    }
}
