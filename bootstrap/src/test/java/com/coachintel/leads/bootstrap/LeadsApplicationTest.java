package com.coachintel.leads.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachintel.leads.adapter.persistence.DatabaseSettings;
import com.coachintel.leads.adapter.persistence.PostgresPersistence;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real wiring on the embedded default: what {@code java -jar leads.jar} runs, in this JVM. */
class LeadsApplicationTest {

    static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    LeadsConfig embeddedConfig(Map<String, String> extra) {
        var env = new java.util.HashMap<>(Map.of("LEADS_DATA_DIR", dataDir.toString(), "LEADS_HTTP_PORT", "0",
                "JOBRUNR_DASHBOARD_PORT", Integer.toString(freePort())));
        env.putAll(extra);
        return LeadsConfig.from(env, new java.util.Properties());
    }

    @Test
    void serves_on_the_embedded_database_keeps_its_data_and_starts_again_on_the_same_directory() throws Exception {
        String firstSummary;
        int embeddedPort;
        try (LeadsApplication app = LeadsApplication.start(embeddedConfig(Map.of()))) {
            assertThat(get(app, "/ready").statusCode()).isEqualTo(200);
            firstSummary = String.join("\n", app.startupSummary());
            embeddedPort = port(firstSummary);
            assertThat(countLeads(embeddedPort)).isEqualTo(1050);
        }
        assertThat(firstSummary)
                .contains("Leads ", " is up", "API        http://127.0.0.1:")
                .contains("embedded PostgreSQL 17", "data dir " + dataDir.resolve("postgres"), "pool over the Unix socket")
                .contains("seeded Demo Coaching and Other Coaching with 1050 leads")
                .containsPattern("Jobs       worker leads-worker@\\S+ running");
        assertThat(Files.exists(dataDir.resolve("postgres/postmaster.pid"))).as("PostgreSQL stopped cleanly").isFalse();

        // The demo org, seeded on the first start, can receive public captures from the second on.
        try (LeadsApplication again = LeadsApplication.start(embeddedConfig(Map.of("LEADS_PUBLIC_CAPTURE_ORG", "Demo Coaching")))) {
            assertThat(get(again, "/ready").statusCode()).isEqualTo(200);
            String summary = String.join("\n", again.startupSummary());
            assertThat(summary).contains("Demo data  present (seeded on an earlier start)");
            assertThat(summary).contains("Capture    POST /crm/public/leads into Demo Coaching (")
                    .contains("10 per minute per client address");
            assertThat(countLeads(port(summary))).isEqualTo(1050);
        }
    }

    @Test
    void demo_data_can_be_turned_off() throws Exception {
        try (LeadsApplication app = LeadsApplication.start(embeddedConfig(Map.of("LEADS_DEMO_DATA", "false")))) {
            String summary = String.join("\n", app.startupSummary());
            assertThat(summary).contains("Demo data  off");
            assertThat(summary).contains("Capture    public capture off (set LEADS_PUBLIC_CAPTURE_ORG");
            assertThat(countLeads(port(summary))).isZero();
        }
    }

    @Test
    void a_capture_org_that_does_not_exist_stops_startup_naming_the_variable() {
        assertThatThrownBy(() -> LeadsApplication.start(embeddedConfig(Map.of("LEADS_DEMO_DATA", "false",
                "LEADS_PUBLIC_CAPTURE_ORG", "No Such Coaching"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("LEADS_PUBLIC_CAPTURE_ORG names no org: 'No Such Coaching'");
    }

    @Test
    void a_database_that_cannot_be_reached_stops_startup_with_a_message_naming_it() {
        LeadsConfig unreachable = new LeadsConfig("127.0.0.1", 0, Optional.empty(), Optional.empty(), dataDir, 0,
                Optional.of(new DatabaseSettings("jdbc:postgresql://127.0.0.1:1/leads?connectTimeout=2", "leads", "secret", 2)),
                2, false, "US", java.time.Duration.ofHours(24), false, Optional.of(8000), Optional.empty(), Optional.empty(),
                Optional.empty(), 10, java.util.Set.of(), java.util.List.of(), "127.0.0.1", 1, java.time.Duration.ZERO,
                java.time.Duration.ofSeconds(30), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(2),
                Optional.empty(), java.util.List.of());

        assertThatThrownBy(() -> LeadsApplication.start(unreachable))
                .hasMessageStartingWith("could not connect to postgresql://127.0.0.1:1/leads")
                .hasMessageNotContaining("secret");
    }

    static int freePort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static HttpResponse<String> get(LeadsApplication app, String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The embedded server's port, from the startup block's database line. */
    static int port(String summary) {
        var matcher = java.util.regex.Pattern.compile("localhost:(\\d+)/leads").matcher(summary);
        assertThat(matcher.find()).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    /** Over TCP, as psql would: with the password the embedded database keeps in the data directory. */
    int countLeads(int port) throws java.io.IOException {
        String password = java.nio.file.Files.readString(dataDir.resolve(EmbeddedDatabase.PASSWORD_FILE)).strip();
        try (HikariDataSource pool = PostgresPersistence.pooledDataSource(
                new DatabaseSettings("jdbc:postgresql://localhost:" + port + "/leads", "postgres", password, 1), "count")) {
            return Jdbi.create(pool).withHandle(h -> h.select("SELECT count(*) FROM leads").mapTo(Integer.class).one());
        }
    }
}
