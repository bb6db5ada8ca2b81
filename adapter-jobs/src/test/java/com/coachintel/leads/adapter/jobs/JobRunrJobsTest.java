package com.coachintel.leads.adapter.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachintel.leads.adapter.persistence.TestDatabase;
import com.coachintel.leads.adapter.persistence.TestPostgres;
import com.coachintel.leads.application.export.RunExportUseCase;
import com.coachintel.leads.domain.export.ExportId;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** JobRunr on real PostgreSQL: one JobRunrJobs per "process", as an API-only and a worker-only process have them. */
class JobRunrJobsTest {

    static final Duration POLL = Duration.ofSeconds(5);

    TestDatabase db;
    JobRunrJobs api;
    JobRunrJobs worker;
    final List<ExportId> ran = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();

    final RunExportUseCase exports = new RunExportUseCase() {
        @Override
        public void runExport(ExportId id) {
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("database went away");
            }
            ran.add(id);
        }

        @Override
        public int deleteExpiredExports() {
            return 0;
        }
    };

    @BeforeEach
    void open() {
        db = TestPostgres.freshDatabase();
        api = new JobRunrJobs(db.dataSource());
        worker = new JobRunrJobs(db.dataSource());
    }

    @AfterEach
    void close() {
        api.close();
        worker.close();
        db.close();
    }

    @Test
    void a_worker_process_runs_the_export_an_api_only_process_enqueued_once_even_if_enqueued_twice() {
        ExportId id = ExportId.random();
        api.exportScheduler().enqueue(id);
        api.exportScheduler().enqueue(id);
        assertThat(api.workerRunning()).isFalse();

        worker.startWorker(exports, 2, POLL);

        await(() -> ran.contains(id), Duration.ofSeconds(30));
        sleep(Duration.ofSeconds(6)); // one more poll: a duplicate would have run by now
        assertThat(ran).containsExactly(id);
        assertThat(jobStates(id)).containsExactly("SUCCEEDED");
    }

    @Test
    void a_failing_export_is_retried_and_its_error_kept_by_jobrunr() {
        failuresLeft.set(1);
        ExportId id = ExportId.random();
        worker.startWorker(exports, 2, POLL);

        api.exportScheduler().enqueue(id);

        await(() -> ran.contains(id), Duration.ofSeconds(90));
        assertThat(db.scalar(String.class, "SELECT jobasjson FROM jobrunr_jobs WHERE id = ?", id.toString()))
                .contains("FAILED", "database went away", "SUCCEEDED");
    }

    @Test
    void the_worker_registers_the_recurring_cleanup_of_expired_exports() {
        worker.startWorker(exports, 1, POLL);

        assertThat(db.scalar(Integer.class, "SELECT count(*) FROM jobrunr_recurring_jobs WHERE id = ?",
                JobRunrJobs.CLEANUP_JOB_ID)).isEqualTo(1);
    }

    @Test
    void the_dashboard_answers_and_asks_for_credentials_when_configured() throws Exception {
        int port = freePort();
        worker.startDashboard(port, Optional.of(new JobRunrJobs.Credentials("ops", "s3cret")));
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create("http://127.0.0.1:" + port + "/dashboard/overview");

        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        String basic = Base64.getEncoder().encodeToString("ops:s3cret".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Basic " + basic).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(signedIn.statusCode()).isEqualTo(200);
    }

    private List<String> jobStates(ExportId id) {
        return db.jdbi().withHandle(h -> h.select("SELECT state FROM jobrunr_jobs WHERE id = ?", id.toString())
                .mapTo(String.class).list());
    }

    static void await(BooleanSupplier condition, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + timeout);
            }
            sleep(Duration.ofMillis(200));
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
