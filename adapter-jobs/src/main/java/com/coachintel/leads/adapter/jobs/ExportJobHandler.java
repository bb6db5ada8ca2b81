package com.coachintel.leads.adapter.jobs;

import com.coachintel.leads.application.export.RunExportUseCase;
import com.coachintel.leads.domain.export.ExportId;
import java.util.Objects;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.lambdas.JobRequestHandler;

/** Runs an export. The use case is safe to run twice and rethrows failures, so JobRunr retries and shows them. */
public final class ExportJobHandler implements JobRequestHandler<ExportJobRequest> {

    /** Attempts after the first before an export stays failed. */
    static final int RETRIES = 3;

    private final RunExportUseCase exports;

    public ExportJobHandler(RunExportUseCase exports) {
        this.exports = Objects.requireNonNull(exports, "exports");
    }

    @Override
    @Job(name = "Export leads %0", retries = RETRIES)
    public void run(ExportJobRequest request) {
        exports.runExport(new ExportId(request.exportId()));
    }
}
