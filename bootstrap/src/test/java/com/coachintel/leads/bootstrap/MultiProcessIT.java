package com.coachintel.leads.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachintel.leads.adapter.persistence.LeadRows;
import com.coachintel.leads.adapter.persistence.TestDatabase;
import com.coachintel.leads.adapter.persistence.TestPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several real {@code leads.jar} processes on one PostgreSQL, as operators scale out: two API-only processes (A and
 * B, LEADS_JOBS_WORKER=false) and two workers without dashboards. What one process does, the others see; a worker
 * killed mid-job leaves the job to the other; a rolling restart of the APIs under load answers every request.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiProcessIT {

    static final String COACH = "coach@acme.example";
    static final int LEADS = 300;
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path workDir;
    static TestDatabase db;
    static UUID lead;
    static Jar apiA;
    static Jar apiB;
    static final List<Jar> workers = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        db = TestPostgres.freshDatabase();
        UUID acme = LeadRows.insertOrg(db, "Acme Coaching");
        LeadRows.insertUser(db, acme, COACH, true);
        db.jdbi().useHandle(h -> h.execute("""
                INSERT INTO leads (org_id, email, first_name, last_name, created_at)
                SELECT ?, 'lead' || n || '@example.com', 'Lead', 'Number' || n, now() - n * interval '1 minute'
                FROM generate_series(1, ?) AS n""", acme, LEADS));
        lead = db.scalar(UUID.class, "SELECT id FROM leads ORDER BY created_at DESC LIMIT 1");
        // The four start at once: on two cores, one after the other would take four times as long.
        apiA = Jar.api("api-a", freePort());
        apiB = Jar.api("api-b", freePort());
        workers.add(Jar.worker("worker-1"));
        workers.add(Jar.worker("worker-2"));
        apiA.awaitReady();
        apiB.awaitReady();
        for (Jar worker : workers) {
            worker.awaitRunning();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (Jar jar : List.of(apiA, apiB)) {
            jar.stop();
        }
        for (Jar worker : workers) {
            worker.stop();
        }
        db.close();
    }

    @Test
    @Order(1)
    void an_export_requested_through_one_api_is_downloaded_through_the_other_after_its_worker_was_killed_mid_job()
            throws Exception {
        String exportId;
        Jar victim;
        try (Connection lock = db.dataSource().getConnection()) {
            // The export reads leads; while this transaction holds the table, the job stays mid-run on its worker.
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.execute("LOCK TABLE leads IN ACCESS EXCLUSIVE MODE");
            }
            HttpResponse<String> accepted = apiA.post("/leads/exports", "{}");
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            exportId = JSON.readTree(accepted.body()).get("id").asText();

            String serverName = awaitProcessingServer(exportId);
            long pid = Long.parseLong(serverName.substring(serverName.lastIndexOf(':') + 1));
            victim = workers.stream().filter(worker -> worker.process.pid() == pid).findFirst().orElseThrow(
                    () -> new AssertionError("no worker of this test is " + serverName));
            victim.process.destroyForcibly(); // SIGKILL: no shutdown hook, no goodbye to JobRunr
            assertThat(victim.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            workers.remove(victim);
            lock.rollback();
        }

        // JobRunr takes an orphaned job over once its server has missed heartbeats for four poll intervals (20 s).
        JsonNode export = awaitExport(apiB, exportId, Duration.ofSeconds(120));
        assertThat(export.get("status").asText()).isEqualTo("succeeded");
        assertThat(export.get("row_count").asInt()).isEqualTo(LEADS);
        HttpResponse<String> file = apiB.get("/leads/exports/" + exportId + "/file");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body().lines().count()).isEqualTo(LEADS + 1);
        assertThat(processingServers(exportId)).as("the job's runs, by server").hasSizeGreaterThanOrEqualTo(2)
                .last().asString().doesNotEndWith(":" + victim.process.pid());

        workers.add(Jar.worker("worker-3")); // two workers again, for what follows
        workers.get(workers.size() - 1).awaitRunning();
    }

    @Test
    @Order(2)
    void concurrent_changes_to_one_lead_through_both_apis_lose_nothing() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> writers = new ArrayList<>();
            // The four read the same version before their first change: at least three of them must meet a 412.
            java.util.concurrent.CyclicBarrier firstReads = new java.util.concurrent.CyclicBarrier(4);
            for (int writer = 0; writer < 4; writer++) {
                Jar api = writer % 2 == 0 ? apiA : apiB;
                String name = "w" + writer;
                writers.add(threads.submit(() -> addTags(api, name, 5, firstReads)));
            }
            int conflicts = 0;
            for (Future<Integer> writer : writers) {
                conflicts += writer.get(120, TimeUnit.SECONDS);
            }
            JsonNode detail = JSON.readTree(apiB.get("/leads/" + lead).body());
            Set<String> tags = new TreeSet<>();
            detail.get("tags").forEach(tag -> tags.add(tag.asText()));
            Set<String> expected = new TreeSet<>();
            for (int writer = 0; writer < 4; writer++) {
                for (int i = 0; i < 5; i++) {
                    expected.add("w" + writer + "-" + i);
                }
            }
            assertThat(tags).isEqualTo(expected);
            assertThat(conflicts).as("writers that met another's version and read again").isGreaterThanOrEqualTo(3);
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * Adds {@code count} tags one at a time, each read-modify-write guarded by If-Match; returns how many 412s. The
     * first read waits at {@code firstReads} for the other writers' first reads.
     */
    private static int addTags(Jar api, String writer, int count, java.util.concurrent.CyclicBarrier firstReads)
            throws Exception {
        int conflicts = 0;
        boolean first = true;
        for (int i = 0; i < count; i++) {
            while (true) {
                HttpResponse<String> read = api.get("/leads/" + lead);
                if (first) {
                    firstReads.await(30, TimeUnit.SECONDS);
                    first = false;
                }
                List<String> tags = new ArrayList<>();
                JSON.readTree(read.body()).get("tags").forEach(tag -> tags.add(tag.asText()));
                tags.add(writer + "-" + i);
                HttpResponse<String> write = api.send("PATCH", "/leads/" + lead, JSON.writeValueAsString(Map.of("tags", tags)),
                        "If-Match", read.headers().firstValue("ETag").orElseThrow());
                if (write.statusCode() == 200) {
                    break;
                }
                assertThat(write.statusCode()).as(write.body()).isEqualTo(412);
                conflicts++;
            }
        }
        return conflicts;
    }

    @Test
    @Order(3)
    void the_capture_rate_limit_and_idempotency_keys_hold_across_instances() throws Exception {
        // Five sign-ups a minute per client address (LEADS_CAPTURE_RATE_LIMIT), wherever they land.
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Jar api = i % 2 == 0 ? apiA : apiB;
            statuses.add(api.send("POST", "/crm/public/leads", "{\"email\": \"signup" + i + "@example.com\"}",
                    "X-Forwarded-For", "203.0.113.77").statusCode());
        }
        assertThat(statuses).containsExactly(202, 202, 202, 202, 202, 429, 429);

        String body = "{\"email\": \"idempotent@example.com\", \"first_name\": \"Ida\"}";
        HttpResponse<String> first = apiA.send("POST", "/leads", body, "Idempotency-Key", "multi-process-1");
        HttpResponse<String> again = apiB.send("POST", "/leads", body, "Idempotency-Key", "multi-process-1");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(again.body()).get("id")).isEqualTo(JSON.readTree(first.body()).get("id"));
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(db.scalar(Long.class, "SELECT count(*) FROM leads WHERE email = 'idempotent@example.com'")).isEqualTo(1L);

        // The same key sent to both at the same moment: one lead, and each answer is that lead or "still running".
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            String racing = "{\"email\": \"racing@example.com\"}";
            Future<HttpResponse<String>> viaA = threads.submit(() -> apiA.send("POST", "/leads", racing,
                    "Idempotency-Key", "multi-process-2"));
            Future<HttpResponse<String>> viaB = threads.submit(() -> apiB.send("POST", "/leads", racing,
                    "Idempotency-Key", "multi-process-2"));
            for (HttpResponse<String> response : List.of(viaA.get(30, TimeUnit.SECONDS), viaB.get(30, TimeUnit.SECONDS))) {
                assertThat(response.statusCode()).as(response.body()).isIn(201, 409);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(db.scalar(Long.class, "SELECT count(*) FROM leads WHERE email = 'racing@example.com'")).isEqualTo(1L);
    }

    @Test
    @Order(4)
    void a_rolling_restart_under_load_answers_every_request_and_loses_no_job() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger retried = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> exports = new ConcurrentLinkedQueue<>();
        ExecutorService load = Executors.newFixedThreadPool(4);
        try {
            for (int thread = 0; thread < 4; thread++) {
                int first = thread;
                load.submit(() -> {
                    int n = first;
                    while (running.get()) {
                        n++;
                        // Every 25th request queues an export: jobs are asked for during the restart too.
                        boolean export = n % 25 == 0;
                        HttpResponse<String> response = withRetries(n, export ? "POST" : "GET",
                                export ? "/leads/exports" : "/leads?limit=20", export ? "{}" : null, retried);
                        if (response == null || response.statusCode() != (export ? 202 : 200)) {
                            failures.add(response == null ? "no answer after retries" : response.statusCode() + " " + response.body());
                        } else {
                            answered.incrementAndGet();
                            if (export) {
                                exports.add(JSON.readTree(response.body()).get("id").asText());
                            }
                        }
                        // A steady load, not a flood: the restarting processes share the two cores with it.
                        Thread.sleep(20);
                    }
                    return null;
                });
            }
            Thread.sleep(1_000);
            apiA = apiA.restart();
            apiA.awaitReady();
            Thread.sleep(1_000);
            // A worker restarts too, while exports are being queued.
            Jar worker = workers.remove(0);
            workers.add(worker.restart());
            apiB = apiB.restart();
            apiB.awaitReady();
            workers.get(workers.size() - 1).awaitRunning();
            Thread.sleep(1_000);
        } finally {
            running.set(false);
            load.shutdown();
            assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(failures).as("requests not answered, %d answered, %d retries", answered.get(), retried.get()).isEmpty();
        assertThat(answered.get()).isGreaterThan(100);
        assertThat(exports).isNotEmpty();
        for (String id : exports) {
            assertThat(awaitExport(apiA, id, Duration.ofSeconds(120)).get("status").asText()).as(id).isEqualTo("succeeded");
        }
    }

    /**
     * A request to A or B (alternating by {@code n}), sent again to the other one when a process is stopping or not
     * yet listening: at most 20 tries, 100 ms apart. Sending a GET again is always safe; the export request is sent
     * again only when no answer came, and a stop lets a request in flight finish, so none is queued twice.
     */
    private static HttpResponse<String> withRetries(int n, String method, String path, String body, AtomicInteger retried) {
        for (int attempt = 0; attempt < 20; attempt++) {
            Jar api = (n + attempt) % 2 == 0 ? apiA : apiB;
            try {
                HttpResponse<String> response = api.send(method, path, body);
                if (response.statusCode() != 503) {
                    return response;
                }
            } catch (IOException notListening) {
                // stopping or starting: the other one, or this one a moment later
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            retried.incrementAndGet();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    /** The server (leads-worker@host:pid) that JobRunr says is processing the job. */
    private static String awaitProcessingServer(String jobId) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            List<String> servers = processingServers(jobId);
            String state = db.scalar(String.class, "SELECT state FROM jobrunr_jobs WHERE id = ?", jobId);
            if ("PROCESSING".equals(state) && !servers.isEmpty()) {
                return servers.get(servers.size() - 1);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("job " + jobId + " was not picked up within 60 s");
    }

    /** The servers that took the job, in order, from JobRunr's history of it. */
    private static List<String> processingServers(String jobId) throws Exception {
        List<String> servers = new ArrayList<>();
        List<Map<String, Object>> rows = db.rows("SELECT jobAsJson FROM jobrunr_jobs WHERE id = ?", jobId);
        if (rows.isEmpty()) {
            return servers;
        }
        for (JsonNode state : JSON.readTree((String) rows.get(0).get("jobasjson")).get("jobHistory")) {
            if (state.path("@class").asText().endsWith("ProcessingState")) {
                servers.add(state.path("serverName").asText());
            }
        }
        return servers;
    }

    private static JsonNode awaitExport(Jar api, String id, Duration within) throws Exception {
        Instant deadline = Instant.now().plus(within);
        JsonNode export = null;
        while (Instant.now().isBefore(deadline)) {
            export = JSON.readTree(api.get("/leads/exports/" + id).body());
            if (export.get("status").asText().equals("succeeded")) {
                return export;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("export " + id + " not done within " + within + ": " + export);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** One leads.jar process: an API on a port, or a worker. */
    static final class Jar {
        final String name;
        final List<String> arguments;
        final Map<String, String> environment;
        final int port;
        final Path log;
        final Process process;

        private Jar(String name, int port, List<String> arguments, Map<String, String> environment) throws IOException {
            this.name = name;
            this.port = port;
            this.arguments = arguments;
            this.environment = environment;
            this.log = workDir.resolve(name + "-" + System.nanoTime() + ".log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx192m", "-XX:TieredStopAtLevel=1", "-jar", System.getProperty("leads.jar", "target/leads.jar")));
            command.addAll(arguments);
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(key -> key.startsWith("LEADS_") || key.startsWith("DATABASE_")
                    || key.startsWith("JOBRUNR_"));
            builder.environment().putAll(environment);
            this.process = builder.start();
        }

        static Map<String, String> common() {
            Map<String, String> environment = new HashMap<>(Map.of(
                    "DATABASE_URL", "postgres://postgres@localhost:" + db.port() + "/" + db.name(),
                    "LEADS_DEMO_DATA", "false", "JOBRUNR_DASHBOARD_PORT", "off",
                    "LEADS_PUBLIC_CAPTURE_ORG", "Acme Coaching", "LEADS_CAPTURE_RATE_LIMIT", "5",
                    "LEADS_TRUSTED_PROXIES", "127.0.0.1/32", "LEADS_SHUTDOWN_GRACE", "10s"));
            return environment;
        }

        static Jar api(String name, int port) throws IOException {
            Map<String, String> environment = common();
            environment.put("LEADS_HTTP_PORT", Integer.toString(port));
            environment.put("LEADS_JOBS_WORKER", "false");
            return new Jar(name, port, List.of("serve"), environment);
        }

        static Jar worker(String name) throws IOException {
            return new Jar(name, -1, List.of("worker"), common());
        }

        /** SIGTERM, waits for the exit, and starts the same again. */
        Jar restart() throws Exception {
            process.destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s stops on SIGTERM", name).isTrue();
            assertThat(Files.readString(log)).contains("Leads stopped");
            return new Jar(name, port, arguments, environment);
        }

        void awaitReady() throws Exception {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
            while (Instant.now().isBefore(deadline)) {
                assertThat(process.isAlive()).as("%s alive; log:%n%s", name, Files.readString(log)).isTrue();
                try {
                    if (CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(200);
            }
            throw new AssertionError(name + " not ready within 120 s; log:\n" + Files.readString(log));
        }

        void awaitRunning() throws Exception {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
            while (!Files.readString(log).contains(" running (") && Instant.now().isBefore(deadline)) {
                assertThat(process.isAlive()).as("%s alive; log:%n%s", name, Files.readString(log)).isTrue();
                Thread.sleep(200);
            }
            assertThat(Files.readString(log)).as(name).contains(" running (");
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return send("GET", path, null);
        }

        HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
            return send("POST", path, json);
        }

        HttpResponse<String> send(String method, String path, String json, String... headers)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30)).header("x-user-email", COACH)
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
