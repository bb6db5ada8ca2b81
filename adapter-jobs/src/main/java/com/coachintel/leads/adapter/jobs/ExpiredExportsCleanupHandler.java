package com.coachintel.leads.adapter.jobs;

import com.coachintel.leads.application.export.RunExportUseCase;
import java.util.Objects;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes expired exports and their files; idempotent, so overlapping or repeated runs are harmless. */
public final class ExpiredExportsCleanupHandler implements JobRequestHandler<ExpiredExportsCleanupRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(ExpiredExportsCleanupHandler.class);

    private final RunExportUseCase exports;

    public ExpiredExportsCleanupHandler(RunExportUseCase exports) {
        this.exports = Objects.requireNonNull(exports, "exports");
    }

    @Override
    @Job(name = "Delete expired lead exports")
    public void run(ExpiredExportsCleanupRequest request) {
        int deleted = exports.deleteExpiredExports();
        if (deleted > 0) {
            LOG.info("deleted {} expired exports", deleted);
        }
    }
}
