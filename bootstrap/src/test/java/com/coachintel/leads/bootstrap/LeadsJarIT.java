package com.coachintel.leads.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code leads.jar} as an operator runs it: a real process on the embedded default,
 * stopped by a signal, started again on the same data directory.
 */
class LeadsJarIT {

    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path workDir;

    @Test
    void the_jar_serves_on_the_embedded_default_stops_on_sigterm_and_sigint_and_restarts_on_its_data() throws Exception {
        Path log1 = workDir.resolve("first.log");
        int port = freePort();
        Process first = start(port, log1);
        Process second = null;
        try {
            awaitReady(port, first, log1);
            assertThat(Files.readString(log1)).contains("is up", "embedded PostgreSQL 17", "seeded Demo Coaching",
                    "pool over the Unix socket");

            first.destroy(); // SIGTERM
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).as("stops within 30 s of SIGTERM").isTrue();
            assertThat(Files.readString(log1)).contains("Leads stopped");
            assertThat(workDir.resolve("data/postgres/postmaster.pid")).as("PostgreSQL stopped cleanly").doesNotExist();

            Path log2 = workDir.resolve("second.log");
            second = start(port, log2);
            awaitReady(port, second, log2);
            assertThat(Files.readString(log2)).contains("Demo data  present");

            new ProcessBuilder("kill", "-INT", Long.toString(second.pid())).start().waitFor(); // Ctrl-C
            assertThat(second.waitFor(30, TimeUnit.SECONDS)).as("stops within 30 s of SIGINT").isTrue();
            assertThat(Files.readString(log2)).contains("Leads stopped");
            assertThat(workDir.resolve("data/postgres/postmaster.pid")).doesNotExist();
        } finally {
            stop(first);
            stop(second);
        }
    }

    @Test
    void a_worker_process_runs_the_export_an_api_only_process_queued() throws Exception {
        int apiPort = freePort();
        int databasePort = freePort();
        Path apiLog = workDir.resolve("api.log");
        ProcessBuilder apiCommand = command(apiLog);
        apiCommand.environment().putAll(Map.of("LEADS_HTTP_PORT", Integer.toString(apiPort), "LEADS_JOBS_WORKER", "false",
                "LEADS_EMBEDDED_DB_PORT", Integer.toString(databasePort)));
        Process api = apiCommand.start();
        Process worker = null;
        Process second = null;
        try {
            awaitReady(apiPort, api, apiLog);
            assertThat(Files.readString(apiLog)).contains("no worker here (LEADS_JOBS_WORKER=false)");
            HttpResponse<String> accepted = CLIENT.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + apiPort + "/leads/exports"))
                    .header("x-user-email", "demo@coachintel.test").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"status\": \"converted\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(accepted.statusCode()).isEqualTo(202);
            String location = accepted.headers().firstValue("Location").orElseThrow();
            Thread.sleep(6_000);
            assertThat(get(apiPort, location).body()).as("nobody runs jobs yet").contains("\"status\":\"queued\"");

            Path workerLog = workDir.resolve("worker.log");
            ProcessBuilder workerCommand = command(workerLog, "worker");
            // TCP to the API's embedded PostgreSQL asks for the password it generated into its data directory.
            Map<String, String> workerEnvironment = Map.of(
                    "DATABASE_URL", "postgres://postgres@localhost:" + databasePort + "/leads",
                    "DATABASE_PASSWORD", Files.readString(workDir.resolve("data/" + EmbeddedDatabase.PASSWORD_FILE)).strip(),
                    "JOBRUNR_DASHBOARD_PORT", Integer.toString(freePort()));
            workerCommand.environment().putAll(workerEnvironment);
            worker = workerCommand.start();
            // A second worker on the same machine: without a dashboard of its own, nothing collides.
            Path secondLog = workDir.resolve("worker-2.log");
            ProcessBuilder secondCommand = command(secondLog, "worker");
            secondCommand.environment().putAll(workerEnvironment);
            secondCommand.environment().put("JOBRUNR_DASHBOARD_PORT", "off");
            second = secondCommand.start();

            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            String export = get(apiPort, location).body();
            while (!export.contains("\"status\":\"succeeded\"") && Instant.now().isBefore(deadline)) {
                assertThat(worker.isAlive()).as("worker alive; log:%n%s", Files.readString(workerLog)).isTrue();
                Thread.sleep(500);
                export = get(apiPort, location).body();
            }
            assertThat(export).contains("\"status\":\"succeeded\"");
            HttpResponse<String> file = get(apiPort, location + "/file");
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.body()).startsWith("id,created_at,status,").contains(",converted,");
            assertThat(Files.readString(workerLog)).containsPattern("worker leads-worker@\\S+:\\d+ running").doesNotContain("API  ");
            Instant secondDeadline = Instant.now().plus(Duration.ofSeconds(60));
            while (!Files.readString(secondLog).contains(" running") && second.isAlive() && Instant.now().isBefore(secondDeadline)) {
                Thread.sleep(200);
            }
            assertThat(Files.readString(secondLog)).as("the second worker's log")
                    .containsPattern("worker leads-worker@\\S+:" + second.pid() + " running").contains("no dashboard here");
            assertThat(second.isAlive()).isTrue();
        } finally {
            stop(second);
            stop(worker);
            stop(api);
        }
    }

    /** SIGTERM, and SIGKILL if that did not end it: a failed test must not leave a server running. */
    private static void stop(Process process) throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("x-user-email", "demo@coachintel.test").build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void json_logs_are_one_object_per_line_and_a_requests_lines_carry_its_id() throws Exception {
        int port = freePort();
        Path log = workDir.resolve("json.log");
        ProcessBuilder builder = command(log);
        builder.environment().putAll(Map.of("LEADS_HTTP_PORT", Integer.toString(port), "LEADS_LOG_FORMAT", "json",
                "LEADS_ACCESS_LOG_LEVEL", "DEBUG", "JOBRUNR_DASHBOARD_PORT", "off"));
        Process process = builder.start();
        try {
            awaitReady(port, process, log);
            HttpResponse<String> list = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/leads"))
                    .header("x-user-email", "demo@coachintel.test").header("x-request-id", "jar-it-json-1").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(list.statusCode()).isEqualTo(200);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
            while (!Files.readString(log).contains("jar-it-json-1") && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
        } finally {
            stop(process);
        }
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<com.fasterxml.jackson.databind.JsonNode> lines = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            lines.add(json.readTree(line)); // every line, the startup block's too, is one JSON object
        }
        assertThat(lines).anySatisfy(line -> assertThat(line.path("formattedMessage").asText()).contains("is up"));
        List<com.fasterxml.jackson.databind.JsonNode> ofTheRequest = lines.stream()
                .filter(line -> line.path("mdc").path("request_id").asText().equals("jar-it-json-1")).toList();
        assertThat(ofTheRequest).as("the request's access line, with its id in the MDC").isNotEmpty()
                .allSatisfy(line -> assertThat(line.path("formattedMessage").asText()).doesNotContain("demo@coachintel.test"));
        assertThat(ofTheRequest).anySatisfy(line -> assertThat(line.path("loggerName").asText())
                .isEqualTo("com.coachintel.leads.access"));
    }

    @Test
    void a_bad_variable_stops_the_jar_with_exit_code_2_naming_it() throws Exception {
        Path log = workDir.resolve("bad.log");
        ProcessBuilder builder = command(log);
        builder.environment().put("LEADS_HTTP_PORT", "http");
        Process process = builder.start();

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(Files.readString(log)).contains("LEADS_HTTP_PORT must be a whole number from 0 to 65535, got 'http'");
    }

    private Process start(int port, Path log) throws IOException {
        ProcessBuilder builder = command(log);
        builder.environment().put("LEADS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("JOBRUNR_DASHBOARD_PORT", Integer.toString(freePort()));
        return builder.start();
    }

    private ProcessBuilder command(Path log, String... arguments) {
        String jar = System.getProperty("leads.jar", "target/leads.jar");
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar", jar));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.directory(workDir.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("LEADS_") || name.startsWith("DATABASE_")
                || name.startsWith("JOBRUNR_"));
        builder.redirectErrorStream(true);
        builder.redirectOutput(log.toFile());
        return builder;
    }

    private static void awaitReady(int port, Process process, Path log) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("process alive; log:%n%s", Files.readString(log)).isTrue();
            try {
                HttpResponse<String> response = CLIENT.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                // Ready, and the startup block (logged right after the API starts) is written.
                if (response.statusCode() == 200 && Files.readString(log).contains(" is up")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not ready within 90 s; log:\n" + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
