package com.coachintel.leads.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DATABASE_READ_URL on a real streaming replica: a PostgreSQL 17 standby made from the primary with
 * {@code pg_backup_start}, a copy of its files and {@code pg_backup_stop} (zonky's binaries have no pg_basebackup),
 * streaming through a replication slot. Lists read from the replica and may be stale by its lag, except for the
 * caller who just wrote; the detail reads the primary; a replica that goes away is passed over, and the log and
 * the metrics say so.
 */
class ReadReplicaTest {

    static final String WRITER = "writer@acme.example";
    static final String READER = "reader@acme.example";
    static final HttpClient CLIENT = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static EmbeddedPostgres primary;
    static EmbeddedPostgres replica;
    static LeadsApplication app;
    static int metricsPort;
    static UUID lead;
    static final List<Double> lagsSeen = new ArrayList<>();
    static final ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> routingLog =
            new ch.qos.logback.core.read.ListAppender<>();

    @BeforeAll
    static void start() throws Exception {
        routingLog.start();
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                "com.coachintel.leads.adapter.persistence.ReadRouting")).addAppender(routingLog);
        primary = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("primary")).setCleanDataDirectory(true)
                .setServerConfig("wal_level", "replica").setServerConfig("max_wal_senders", "4").start();
        replica = standbyOf(primary, dir.resolve("replica"));
        metricsPort = LeadsApplicationTest.freePort();
        app = LeadsApplication.start(LeadsConfig.from(Map.of(
                "DATABASE_URL", "postgres://postgres@localhost:" + primary.getPort() + "/postgres",
                "DATABASE_READ_URL", "postgres://postgres@localhost:" + replica.getPort() + "/postgres",
                "LEADS_REPLICA_MAX_LAG", "30s", "LEADS_HTTP_PORT", "0", "LEADS_DEMO_DATA", "false",
                "LEADS_JOBS_WORKER", "false", "LEADS_METRICS_PORT", Integer.toString(metricsPort)), new Properties()));
        try (Connection connection = primary.getPostgresDatabase().getConnection(); Statement sql = connection.createStatement()) {
            UUID org;
            try (ResultSet rs = sql.executeQuery("INSERT INTO orgs (name) VALUES ('Acme Coaching') RETURNING id")) {
                rs.next();
                org = rs.getObject(1, UUID.class);
            }
            sql.execute("INSERT INTO users (org_id, email, active) VALUES ('" + org + "', '" + WRITER + "', true), ('"
                    + org + "', '" + READER + "', true)");
            try (ResultSet rs = sql.executeQuery("INSERT INTO leads (org_id, email, tags) VALUES ('" + org
                    + "', 'ann@example.com', '{first}') RETURNING id")) {
                rs.next();
                lead = rs.getObject(1, UUID.class);
            }
        }
        await("the replica has the lead and is used", () -> onReplica("SELECT count(*) FROM leads") == 1
                && metric("leads_replica_used") == 1.0);
    }

    @AfterAll
    static void stop() throws IOException {
        if (app != null) {
            app.close();
        }
        if (replica != null) {
            replica.close();
        }
        primary.close();
    }

    @Test
    void lists_read_the_replica_the_writer_and_the_detail_read_the_primary_and_a_lost_replica_is_passed_over()
            throws Exception {
        // The replica replays nothing more for now: what is written next is on the primary only.
        onReplica("SELECT 1 FROM pg_wal_replay_pause()");
        try {
            HttpResponse<String> read = get(WRITER, "/leads/" + lead);
            HttpResponse<String> patched = send(WRITER, "PATCH", "/leads/" + lead, "{\"tags\": [\"first\", \"second\"]}",
                    read.headers().firstValue("ETag").orElseThrow());
            assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);

            assertThat(tagsInList(WRITER)).as("the writer's own list, from the primary").containsExactly("first", "second");
            assertThat(tagsInList(READER)).as("another user's list, from the paused replica").containsExactly("first");
            assertThat(onReplicaCount("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'leads-replica'"
                    + " AND query LIKE '%FROM leads l%'")).as("list statements ran on the replica").isPositive();
            assertThat(JSON.readTree(get(READER, "/leads/" + lead).body()).get("tags").toString())
                    .as("the detail, from the primary").isEqualTo("[\"first\",\"second\"]");
            await("the lag is measured", () -> {
                double lag = metric("leads_replica_lag_seconds");
                lagsSeen.add(lag);
                return lag > 0;
            });
        } finally {
            onReplica("SELECT 1 FROM pg_wal_replay_resume()");
        }
        await("the replica catches up", () -> {
            try {
                lagsSeen.add(metric("leads_replica_lag_seconds"));
                return tagsInList(READER).equals(List.of("first", "second")) && metric("leads_replica_lag_seconds") < 1;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        System.out.println("replica lag seen by the probe, in seconds: " + lagsSeen);

        replica.close();
        replica = null;
        HttpResponse<String> list = get(READER, "/leads");
        assertThat(list.statusCode()).as("a list with the replica gone, read from the primary").isEqualTo(200);
        assertThat(JSON.readTree(list.body()).get("total").asInt()).isEqualTo(1);
        await("the metrics say the replica is not used and its lag is unknown", () -> metric("leads_replica_used") == 0.0
                && Double.isNaN(metric("leads_replica_lag_seconds")));
        for (int i = 0; i < 5; i++) {
            assertThat(get(READER, "/leads").statusCode()).isEqualTo(200);
        }
        assertThat(routingLog.list).map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                .anyMatch(line -> line.startsWith("The read replica is not used: ")
                        && line.endsWith("lists and exports read from the primary"));
    }

    private static List<String> tagsInList(String user) throws Exception {
        JsonNode page = JSON.readTree(get(user, "/leads").body());
        List<String> tags = new ArrayList<>();
        page.get("items").get(0).get("tags").forEach(tag -> tags.add(tag.asText()));
        return tags;
    }

    /** A standby of {@code source} in {@code target}: a base backup by hand, then streaming through a slot. */
    static EmbeddedPostgres standbyOf(EmbeddedPostgres source, Path target) throws Exception {
        Path sourceDir = dataDirectory(source);
        try (Connection connection = source.getPostgresDatabase().getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("SELECT pg_create_physical_replication_slot('leads_replica', true)");
            sql.execute("SELECT pg_backup_start('leads-replica', true)");
            copy(sourceDir, target);
            try (ResultSet stop = sql.executeQuery("SELECT labelfile FROM pg_backup_stop(false)")) {
                stop.next();
                Files.writeString(target.resolve("backup_label"), stop.getString(1));
            }
        }
        Files.writeString(target.resolve("standby.signal"), "");
        Files.writeString(target.resolve("postgresql.auto.conf"), "\nprimary_conninfo = 'host=localhost port="
                + source.getPort() + " user=postgres application_name=leads_replica'\nprimary_slot_name = 'leads_replica'\n"
                + "hot_standby = on\nhot_standby_feedback = on\n", java.nio.file.StandardOpenOption.APPEND);
        return EmbeddedPostgres.builder().setDataDirectory(target).setCleanDataDirectory(false).start();
    }

    private static Path dataDirectory(EmbeddedPostgres server) throws Exception {
        try (Connection connection = server.getPostgresDatabase().getConnection(); Statement sql = connection.createStatement();
                ResultSet rs = sql.executeQuery("SHOW data_directory")) {
            rs.next();
            return Path.of(rs.getString(1));
        }
    }

    /** The data directory's files, without those a running server owns or a standby must not start with. */
    private static void copy(Path from, Path to) throws IOException {
        Set<String> skipped = Set.of("postmaster.pid", "postmaster.opts", "backup_label", "tablespace_map");
        Set<String> emptied = Set.of("pg_wal", "pg_replslot", "pg_stat_tmp", "pg_dynshmem", "pg_notify", "pg_serial",
                "pg_snapshots", "pg_subtrans");
        Files.createDirectories(to);
        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwx------"));
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path relative = from.relativize(file);
                if (relative.toString().isEmpty()) {
                    continue;
                }
                String top = relative.getName(0).toString();
                if (skipped.contains(relative.toString()) || (emptied.contains(top) && relative.getNameCount() > 1)) {
                    continue;
                }
                Path copy = to.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwx------"));
                } else {
                    try {
                        Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
                    } catch (java.nio.file.NoSuchFileException gone) {
                        // a temporary file the server removed meanwhile: the backup does not need it
                    }
                }
            }
        }
    }

    private static long onReplica(String sql) {
        return onReplicaCount(sql);
    }

    private static long onReplicaCount(String query) {
        try (Connection connection = replica.getPostgresDatabase().getConnection(); Statement sql = connection.createStatement();
                ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> get(String user, String path) throws Exception {
        return send(user, "GET", path, null, null);
    }

    private static HttpResponse<String> send(String user, String method, String path, String json, String ifMatch)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).header("x-user-email", user)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** One value of the scrape: the first series of {@code name}. */
    private static double metric(String name) {
        try {
            String body = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return body.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                    .map(line -> line.substring(line.lastIndexOf(' ') + 1)).map(Double::parseDouble).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + name + " in the scrape"));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not within 30 s: " + what);
    }
}
