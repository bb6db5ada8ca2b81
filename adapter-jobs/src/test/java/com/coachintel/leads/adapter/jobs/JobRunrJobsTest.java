package com.coachintel.leads.adapter.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachintel.leads.adapter.persistence.TestDatabase;
import com.coachintel.leads.adapter.persistence.TestPostgres;
import com.coachintel.leads.application.export.ExportWritten;
import com.coachintel.leads.application.export.RunExportUseCase;
import com.coachintel.leads.domain.export.ExportId;
import java.net.InetSocketAddress;
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
        public ExportWritten runExport(ExportId id) {
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("Key (email)=(ann@example.com) already exists");
            }
            ran.add(id);
            return new ExportWritten(1, 10);
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
    void a_failing_export_is_retried_and_jobrunr_keeps_its_kind_but_never_its_message() {
        failuresLeft.set(1);
        ExportId id = ExportId.random();
        worker.startWorker(exports, 2, POLL);

        api.exportScheduler().enqueue(id);

        await(() -> ran.contains(id), Duration.ofSeconds(90));
        String job = db.scalar(String.class, "SELECT jobasjson FROM jobrunr_jobs WHERE id = ?", id.toString());
        assertThat(job).contains("FAILED", "SUCCEEDED", "java.lang.IllegalStateException", id.toString())
                .doesNotContain("ann@example.com");
    }

    @Test
    void the_worker_registers_the_recurring_cleanup_of_expired_exports() {
        worker.startWorker(exports, 1, POLL);

        assertThat(db.scalar(Integer.class, "SELECT count(*) FROM jobrunr_recurring_jobs WHERE id = ?",
                JobRunrJobs.CLEANUP_JOB_ID)).isEqualTo(1);
    }

    @Test
    void the_management_port_binds_the_given_host_and_asks_for_credentials_when_configured() throws Exception {
        InetSocketAddress address = worker.startManagement("127.0.0.1", 0,
                Optional.of(new JobRunrJobs.Credentials("ops", "s3cret")));
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + address.getPort();
        URI overview = URI.create(base + "/dashboard/overview");
        URI jobs = URI.create(base + "/api/jobs?state=ENQUEUED");

        assertThat(address.getAddress().isLoopbackAddress()).isTrue();
        assertThat(send(http, HttpRequest.newBuilder(overview)).statusCode()).isEqualTo(401);
        assertThat(send(http, HttpRequest.newBuilder(jobs)).statusCode()).isEqualTo(401);
        assertThat(send(http, HttpRequest.newBuilder(URI.create(base + "/api/jobs/" + java.util.UUID.randomUUID())).DELETE())
                .statusCode()).as("an anonymous delete").isEqualTo(401);
        assertThat(send(http, HttpRequest.newBuilder(overview).header("Authorization", basic("ops:wrong"))).statusCode())
                .isEqualTo(401);
        assertThat(send(http, HttpRequest.newBuilder(overview).header("Authorization", basic("ops:s3cret"))).statusCode())
                .isEqualTo(200);
        HttpResponse<String> health = send(http, HttpRequest.newBuilder(URI.create(base + "/health")));
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"ok\",\"jobs\":\"none\"}");
    }

    @Test
    void the_management_port_says_a_running_worker() throws Exception {
        worker.startWorker(exports, 1, POLL);
        InetSocketAddress address = worker.startManagement("127.0.0.1", 0, Optional.empty());

        HttpResponse<String> health = send(HttpClient.newHttpClient(),
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + address.getPort() + "/health")));

        assertThat(health.body()).contains("\"jobs\":\"running\"");
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
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
}
