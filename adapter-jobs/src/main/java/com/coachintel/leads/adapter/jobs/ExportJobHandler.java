package com.coachintel.leads.adapter.jobs;

import com.coachintel.leads.application.export.RunExportUseCase;
import com.coachintel.leads.domain.export.ExportId;
import java.util.Objects;
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

    public ExportJobHandler(RunExportUseCase exports) {
        this.exports = Objects.requireNonNull(exports, "exports");
    }

    @Override
    @Job(name = "Export leads %0", retries = RETRIES)
    public void run(ExportJobRequest request) {
        ExportId id = new ExportId(request.exportId());
        try {
            exports.runExport(id);
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
