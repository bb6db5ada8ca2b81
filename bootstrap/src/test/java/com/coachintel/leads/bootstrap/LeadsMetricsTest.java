package com.coachintel.leads.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachintel.leads.adapter.http.ContractClient;
import com.coachintel.leads.adapter.persistence.LeadRows;
import com.coachintel.leads.adapter.persistence.TestDatabase;
import com.coachintel.leads.adapter.persistence.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics} as Prometheus scrapes it: every line of the scrape parses as the text format, and the meters the
 * operations guide lists are there with the values the requests made, route templates and not raw paths.
 */
class LeadsMetricsTest {

    static final String COACH = "coach@acme.example";
    static TestDatabase db;
    static LeadsApplication app;
    static int metricsPort;
    static ContractClient coach;
    static UUID lead;

    @BeforeAll
    static void start() {
        db = TestPostgres.freshDatabase();
        UUID acme = LeadRows.insertOrg(db, "Acme Coaching");
        LeadRows.insertUser(db, acme, COACH, true);
        lead = LeadRows.aLead().withEmail("ann@example.com").insert(db, acme);
        LeadRows.aLead().withEmail("bob@example.com").insert(db, acme);
        metricsPort = LeadsApplicationTest.freePort();
        app = LeadsApplication.start(LeadsConfig.from(Map.ofEntries(Map.entry("DATABASE_URL", db.jdbcUrl()),
                Map.entry("DATABASE_USER", "postgres"), Map.entry("LEADS_HTTP_PORT", "0"),
                Map.entry("LEADS_DEMO_DATA", "false"), Map.entry("JOBRUNR_DASHBOARD_PORT", "off"),
                Map.entry("LEADS_METRICS_PORT", Integer.toString(metricsPort)),
                Map.entry("LEADS_POSTMARK_WEBHOOK_USER", "postmark"),
                Map.entry("LEADS_POSTMARK_WEBHOOK_PASSWORD", "webhook-password-0001"),
                Map.entry("LEADS_PUBLIC_CAPTURE_ORG", "Acme Coaching")), new Properties()));
        coach = new ContractClient(app.baseUrl()).withHeader("x-user-email", COACH);
    }

    @AfterAll
    static void stop() {
        app.close();
        db.close();
    }

    @Test
    void the_scrape_parses_and_carries_requests_by_route_template_the_pool_the_jvm_jobs_exports_and_outcomes()
            throws Exception {
        assertThat(coach.get("/leads").status()).isEqualTo(200);
        assertThat(coach.get("/leads/" + lead).status()).isEqualTo(200);
        assertThat(coach.get("/leads/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(coach.outsideContract("GET", "/no-such-path").status()).isEqualTo(404);
        ContractClient.Exchange export = coach.send("POST", "/leads/export", "{}", true, "Content-Type", "application/json");
        assertThat(export.status()).isEqualTo(200);
        String wrongAuth = "Basic " + Base64.getEncoder().encodeToString("postmark:wrong".getBytes(StandardCharsets.UTF_8));
        String rightAuth = "Basic " + Base64.getEncoder().encodeToString(
                "postmark:webhook-password-0001".getBytes(StandardCharsets.UTF_8));
        String delivery = "{\"RecordType\":\"Delivery\",\"MessageID\":\"m-1\",\"Recipient\":\"ann@example.com\","
                + "\"DeliveredAt\":\"2026-03-01T10:00:00Z\",\"Details\":\"ok\",\"Metadata\":{}}";
        assertThat(coach.send("POST", "/webhooks/postmark", delivery, true, "Content-Type", "application/json",
                "Authorization", wrongAuth).status()).isEqualTo(401);
        for (int i = 0; i < 2; i++) { // recorded, then a duplicate
            assertThat(coach.send("POST", "/webhooks/postmark", delivery, true, "Content-Type", "application/json",
                    "Authorization", rightAuth).status()).isEqualTo(200);
        }
        assertThat(coach.send("POST", "/crm/public/leads", "{\"email\": \"new@example.com\"}", true,
                "Content-Type", "application/json").status()).isEqualTo(202);
        assertThat(coach.send("POST", "/crm/public/leads", "{\"email\": 7}", false,
                "Content-Type", "application/json").status()).isEqualTo(400);
        ContractClient.Exchange job = coach.send("POST", "/leads/exports", "{}", true, "Content-Type", "application/json");
        assertThat(job.status()).isEqualTo(202);
        awaitSucceeded(job.json().get("id").asText());

        // JobRunr reads its job counts every few seconds; the rest is there at once.
        Map<String, Double> scrape = scrape();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (scrape.getOrDefault("jobrunr_jobs_by_state{state=\"SUCCEEDED\"}", 0.0) < 1 && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            scrape = scrape();
        }

        assertThat(scrape.get("http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",status=\"200\","
                + "uri=\"/leads/{id}\"}")).isEqualTo(1.0);
        assertThat(scrape.get("http_server_requests_seconds_count{method=\"GET\",outcome=\"CLIENT_ERROR\",status=\"404\","
                + "uri=\"/leads/{id}\"}")).isEqualTo(1.0);
        assertThat(scrape.get("http_server_requests_seconds_count{method=\"GET\",outcome=\"CLIENT_ERROR\",status=\"404\","
                + "uri=\"NOT_FOUND\"}")).isEqualTo(1.0);
        assertThat(scrape.get("http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",status=\"200\","
                + "uri=\"/leads\"}")).isEqualTo(1.0);
        assertThat(scrape.keySet()).as("no series names a lead").noneMatch(series -> series.contains(lead.toString()));
        assertThat(scrape.get("leads_webhook_deliveries_total{outcome=\"unauthorized\",provider=\"postmark\"}")).isEqualTo(1.0);
        assertThat(scrape.get("leads_webhook_deliveries_total{outcome=\"recorded\",provider=\"postmark\"}")).isEqualTo(1.0);
        assertThat(scrape.get("leads_webhook_deliveries_total{outcome=\"duplicate\",provider=\"postmark\"}")).isEqualTo(1.0);
        assertThat(scrape.get("leads_capture_requests_total{outcome=\"accepted\"}")).isEqualTo(1.0);
        assertThat(scrape.get("leads_capture_requests_total{outcome=\"invalid\"}")).isEqualTo(1.0);
        assertThat(scrape.get("leads_export_rows_total{kind=\"stream\"}")).isEqualTo(2.0);
        assertThat(scrape.get("leads_export_bytes_total{kind=\"stream\"}")).isEqualTo((double) export.body()
                .getBytes(StandardCharsets.UTF_8).length);
        assertThat(scrape.get("leads_export_rows_total{kind=\"job\"}")).isEqualTo(3.0); // the capture added one
        assertThat(scrape.get("leads_export_bytes_total{kind=\"job\"}")).isGreaterThan(0.0);
        assertThat(scrape.get("hikaricp_connections_max{pool=\"leads\"}")).isEqualTo(10.0); // DATABASE_POOL_SIZE's default
        assertThat(scrape).containsKey("hikaricp_connections_pending{pool=\"leads\"}");
        assertThat(scrape.keySet()).anyMatch(series -> series.startsWith("jvm_memory_used_bytes{area=\"heap\""));
        assertThat(scrape).containsKey("jvm_gc_memory_allocated_bytes_total"); // pauses appear once a collection ran
        assertThat(scrape).containsKey("process_cpu_usage");
        assertThat(scrape.get("jobrunr_jobs_by_state{state=\"SUCCEEDED\"}")).isGreaterThanOrEqualTo(1.0);
        assertThat(scrape).containsKey("jobrunr_jobs_by_state{state=\"FAILED\"}");
    }

    @Test
    void the_metrics_port_serves_nothing_else() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> other = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/leads"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.headers().firstValue("content-type")).hasValue("application/problem+json");
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("allow")).hasValue("GET, HEAD");
    }

    private static void awaitSucceeded(String exportId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            String status = coach.get("/leads/exports/" + exportId).json().get("status").asText();
            if (status.equals("succeeded")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("export " + exportId + " did not succeed within 60 s");
    }

    /** One sample: a metric name, optional labels, a value; comments are # HELP and # TYPE. */
    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\.)*\",?)*})? "
                    + "(-?[0-9.]+(?:[eE][-+]?[0-9]+)?|NaN|[+-]Inf)");
    private static final Pattern COMMENT = Pattern.compile("# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .*");

    /** The scrape, every line parsed (one that does not fails the test), as series to value. */
    static Map<String, Double> scrape() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        Map<String, Double> series = new LinkedHashMap<>();
        List<String> unparsed = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (sample.matches()) {
                series.put(sample.group(1) + (sample.group(2) == null ? "" : sample.group(2).replace(",}", "}")),
                        Double.parseDouble(sample.group(3).replace("+Inf", "Infinity").replace("-Inf", "-Infinity")));
            } else if (!COMMENT.matcher(line).matches()) {
                unparsed.add(line);
            }
        }
        assertThat(unparsed).as("lines that are neither a sample nor a comment").isEmpty();
        return series;
    }
}
