package com.coachintel.leads.adapter.jobs;

import org.jobrunr.jobs.lambdas.JobRequest;

/** Delete the exports whose time to live has passed. */
public record ExpiredExportsCleanupRequest() implements JobRequest {

    @Override
    public Class<ExpiredExportsCleanupHandler> getJobRequestHandler() {
        return ExpiredExportsCleanupHandler.class;
    }
}
