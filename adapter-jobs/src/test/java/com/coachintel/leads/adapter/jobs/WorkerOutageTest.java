package com.coachintel.leads.adapter.jobs;

import static com.coachintel.leads.adapter.jobs.JobRunrJobsTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.coachintel.leads.adapter.persistence.PausablePostgres;
import com.coachintel.leads.adapter.persistence.TestDatabase;
import com.coachintel.leads.application.export.ExportWritten;
import com.coachintel.leads.application.export.RunExportUseCase;
import com.coachintel.leads.domain.export.ExportId;
import com.coachintel.leads.domain.port.JobWorker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The worker against a database that stops answering: a real SIGSTOP of PostgreSQL, then SIGCONT. */
class WorkerOutageTest {

    PausablePostgres postgres;
    TestDatabase db;
    JobRunrJobs worker;
    JobRunrJobs api;
    final List<ExportId> ran = new CopyOnWriteArrayList<>();

    final RunExportUseCase exports = new RunExportUseCase() {
        @Override
        public ExportWritten runExport(ExportId id) {
            ran.add(id);
            return new ExportWritten(1, 10);
        }

        @Override
        public int deleteExpiredExports() {
            return 0;
        }
    };

    @BeforeEach
    void start() {
        postgres = PausablePostgres.start();
        db = postgres.database();
        worker = new JobRunrJobs(db.dataSource());
        api = new JobRunrJobs(db.dataSource());
        worker.startWorker(exports, 2, JobRunrJobsTest.POLL);
    }

    @AfterEach
    void stop() {
        postgres.resume();
        api.close();
        worker.close();
        db.close();
        postgres.close();
    }

    @Test
    void the_worker_stopped_by_an_outage_starts_again_and_runs_a_queued_export_without_a_restart() {
        assertThat(worker.jobWorker().state()).isEqualTo(JobWorker.State.RUNNING);

        postgres.pause();
        await(() -> worker.jobWorker().state() == JobWorker.State.RECOVERING, Duration.ofSeconds(120));
        postgres.resume();

        ExportId id = ExportId.random();
        api.exportScheduler().enqueue(id);
        await(() -> ran.contains(id), Duration.ofSeconds(60));
        assertThat(worker.jobWorker().state()).isEqualTo(JobWorker.State.RUNNING);
    }
}
