package com.coachintel.leads.adapter.jobs;

import com.coachintel.leads.application.export.ExportWritten;
import com.coachintel.leads.application.export.RunExportUseCase;
import com.coachintel.leads.domain.export.ExportId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import java.util.Optional;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an export. The use case is safe to run twice and rethrows failures, so JobRunr retries and shows them.
 *
 * <p>JobRunr keeps a failure's message and stack trace in its tables and shows them on the dashboard. A driver's
 * message can quote row values (a constraint violation quotes the key, an email say), so the failure JobRunr sees
 * is {@link ExportFailedException}: the export id and the kind of error, never the original message.
 */
public final class ExportJobHandler implements JobRequestHandler<ExportJobRequest> {

    /** Attempts after the first before an export stays failed. */
    static final int RETRIES = 3;

    private static final Logger LOG = LoggerFactory.getLogger(ExportJobHandler.class);

    private final RunExportUseCase exports;
    private final Optional<Counter> rows;
    private final Optional<Counter> bytes;

    public ExportJobHandler(RunExportUseCase exports) {
        this(exports, Optional.empty());
    }

    /** With {@code leads.export.rows} and {@code leads.export.bytes} (tagged {@code kind=job}) in {@code meters}. */
    public ExportJobHandler(RunExportUseCase exports, Optional<MeterRegistry> meters) {
        this.exports = Objects.requireNonNull(exports, "exports");
        this.rows = meters.map(registry -> Counter.builder("leads.export.rows").tag("kind", "job")
                .description("Leads written by exports").register(registry));
        this.bytes = meters.map(registry -> Counter.builder("leads.export.bytes").tag("kind", "job").baseUnit("bytes")
                .description("CSV bytes written by exports").register(registry));
    }

    @Override
    @Job(name = "Export leads %0", retries = RETRIES)
    public void run(ExportJobRequest request) {
        ExportId id = new ExportId(request.exportId());
        try {
            ExportWritten written = exports.runExport(id);
            rows.ifPresent(counter -> counter.increment(written.rows()));
            bytes.ifPresent(counter -> counter.increment(written.bytes()));
        } catch (RuntimeException e) {
            // The class names the kind of fault (a timeout, a lost connection) and carries no data.
            LOG.warn("Export {} failed: {}", id, e.getClass().getName());
            throw new ExportFailedException(id, e);
        }
    }

    /** A failed export as JobRunr records it: ids and the kind of error only. */
    static final class ExportFailedException extends RuntimeException {

        ExportFailedException(ExportId id, RuntimeException cause) {
            super("export " + id + " failed: " + cause.getClass().getName() + " (its message is not kept: it may quote lead data)",
                    null, false, false);
        }
    }
}
