package com.coachintel.leads.adapter.jobs;

import com.coachintel.leads.domain.export.ExportId;
import com.coachintel.leads.domain.port.ExportScheduler;
import org.jobrunr.scheduling.JobRequestScheduler;

/** {@link ExportScheduler} on JobRunr. The export's id is the job's id, so enqueueing twice makes one job. */
final class JobRunrExportScheduler implements ExportScheduler {

    private final JobRequestScheduler scheduler;

    JobRunrExportScheduler(JobRequestScheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void enqueue(ExportId id) {
        scheduler.enqueue(id.value(), new ExportJobRequest(id.value()));
    }
}
