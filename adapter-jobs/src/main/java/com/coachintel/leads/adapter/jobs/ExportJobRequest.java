package com.coachintel.leads.adapter.jobs;

import java.util.Objects;
import java.util.UUID;
import org.jobrunr.jobs.lambdas.JobRequest;

/** Run export {@code exportId}. Carries the id only: the export's filters and org are read when it runs. */
public record ExportJobRequest(UUID exportId) implements JobRequest {

    public ExportJobRequest {
        Objects.requireNonNull(exportId, "exportId");
    }

    @Override
    public Class<ExportJobHandler> getJobRequestHandler() {
        return ExportJobHandler.class;
    }
}
