package com.coachintel.leads.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachintel.leads.adapter.http.ContractClient;
import com.coachintel.leads.adapter.persistence.CsvExportTestSupport;
import com.coachintel.leads.adapter.persistence.LeadRows;
import com.coachintel.leads.adapter.persistence.TestDatabase;
import com.coachintel.leads.adapter.persistence.TestPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Exports end to end on PostgreSQL, as operators run them: an API-only process (LEADS_JOBS_WORKER=false)
 * takes the requests, and a separate worker-only process on the same database runs the jobs.
 */
class LeadsExportApiTest {

    static final String COACH = "coach@acme.example";
    static TestDatabase db;
    static LeadsApplication apiOnly;
    static LeadsApplication workerOnly;
    static ContractClient client;
    static ContractClient rival;
    static List<UUID> tricky;

    @BeforeAll
    static void start() {
        db = TestPostgres.freshDatabase();
        UUID acme = LeadRows.insertOrg(db, "Acme Coaching");
        UUID other = LeadRows.insertOrg(db, "Other Coaching");
        LeadRows.insertUser(db, acme, COACH, true);
        LeadRows.insertUser(db, other, "rival@other.example", true);
        tricky = CsvExportTestSupport.insertTrickyLeads(db, acme);
        LeadRows.aLead().withEmail("rivals-lead@example.com").insert(db, other);

        apiOnly = LeadsApplication.start(config(Map.of("LEADS_JOBS_WORKER", "false")));
        workerOnly = LeadsApplication.startWorker(config(Map.of(
                "JOBRUNR_DASHBOARD_PORT", Integer.toString(LeadsApplicationTest.freePort()))));
        client = new ContractClient(apiOnly.baseUrl()).withHeader("x-user-email", COACH);
        rival = new ContractClient(apiOnly.baseUrl()).withHeader("x-user-email", "rival@other.example");
    }

    static LeadsConfig config(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of("DATABASE_URL", db.jdbcUrl(), "DATABASE_USER", "postgres",
                "LEADS_HTTP_PORT", "0", "LEADS_DEMO_DATA", "false"));
        env.putAll(extra);
        return LeadsConfig.from(env, new Properties());
    }

    @AfterAll
    static void stop() {
        apiOnly.close();
        workerOnly.close();
        db.close();
    }

    static ContractClient.Exchange post(ContractClient as, String path, String json) {
        return as.send("POST", path, json, true, "Content-Type", "application/json");
    }

    static List<UUID> newestFirst(int... positions) {
        return java.util.Arrays.stream(positions).mapToObj(i -> tricky.get(i - 1)).toList();
    }

    @Test
    void the_streamed_export_matches_the_database_field_by_field() {
        ContractClient.Exchange response = post(client, "/leads/export", "{}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("content-type")).isEqualTo("text/csv; charset=utf-8");
        assertThat(response.header("content-disposition")).matches("attachment; filename=\"leads-\\d{4}-\\d{2}-\\d{2}\\.csv\"");
        CsvExportTestSupport.assertRowsMatchDatabase(db, CsvExportTestSupport.parse(response.body()),
                newestFirst(7, 6, 5, 4, 3, 2, 1));
        assertThat(response.body()).doesNotContain("rivals-lead@example.com");
    }

    @Test
    void every_filter_applies_to_the_export() {
        assertRows("{\"tag\": \"Q4-PROMO\"}", newestFirst(6, 4, 2));
        assertRows("{\"tag\": [\"vip\", \"q4-promo\"], \"date_to\": \"2026-02-04\"}", newestFirst(4, 2));
        assertRows("{\"q\": \"zoë\"}", newestFirst(3));
        assertRows("{\"status\": \"waitlist\", \"date_from\": \"2026-02-06\"}", newestFirst(7, 6));
        assertRows("{\"status\": [\"invited\", \"lost\"]}", List.of());
    }

    @Test
    void the_export_the_offset_pages_and_a_cursor_walk_give_the_same_leads_in_the_same_order() {
        for (String[] filters : new String[][] {{"", "{}"}, {"&tag=q4-promo", "{\"tag\": \"q4-promo\"}"},
                {"&status=waitlist&date_from=2026-02-02", "{\"status\": \"waitlist\", \"date_from\": \"2026-02-02\"}"}}) {
            List<String> exported = CsvExportTestSupport.parse(post(client, "/leads/export", filters[1]).body()).stream()
                    .skip(1).map(row -> row.get(0)).toList();
            List<String> byOffset = new java.util.ArrayList<>();
            for (int offset = 0; ; offset += 2) {
                var page = client.get("/leads?limit=2&offset=" + offset + filters[0]).json();
                page.get("items").forEach(item -> byOffset.add(item.get("id").asText()));
                if (page.get("next_cursor").isNull()) {
                    break;
                }
            }
            List<String> byCursor = new java.util.ArrayList<>();
            String cursor = null;
            do {
                var page = client.get("/leads?limit=2" + filters[0] + (cursor == null ? "" : "&cursor=" + cursor)).json();
                page.get("items").forEach(item -> byCursor.add(item.get("id").asText()));
                assertThat(page.get("total").asInt()).isEqualTo(exported.size());
                cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
            } while (cursor != null);

            assertThat(exported).as(filters[1]).isNotEmpty();
            assertThat(byOffset).as(filters[0]).containsExactlyElementsOf(exported);
            assertThat(byCursor).as(filters[0]).containsExactlyElementsOf(exported);
        }
    }

    private static void assertRows(String body, List<UUID> expected) {
        ContractClient.Exchange response = post(client, "/leads/export", body);
        assertThat(response.status()).as(body).isEqualTo(200);
        CsvExportTestSupport.assertRowsMatchDatabase(db, CsvExportTestSupport.parse(response.body()), expected);
    }

    @Test
    void a_background_export_runs_on_the_worker_process_and_is_downloadable() {
        ContractClient.Exchange accepted = post(client, "/leads/exports", "{\"tag\": \"vip\"}");
        assertThat(accepted.status()).isEqualTo(202);
        String location = accepted.header("Location");

        JsonNode done = awaitFinished(location);

        assertThat(done.get("status").asText()).isEqualTo("succeeded");
        assertThat(done.get("row_count").asLong()).isEqualTo(3);
        assertThat(done.get("finished_at").isNull()).isFalse();
        ContractClient.Exchange file = client.get(location + "/file");
        assertThat(file.status()).isEqualTo(200);
        CsvExportTestSupport.assertRowsMatchDatabase(db, CsvExportTestSupport.parse(file.body()), newestFirst(6, 4, 2));
        assertThat(client.get("/leads/exports").json().get("items").findValuesAsText("id"))
                .contains(accepted.json().get("id").asText());
    }

    @Test
    void another_orgs_export_is_404_everywhere() {
        String location = post(client, "/leads/exports", "{}").header("Location");
        awaitFinished(location);

        rival.get(location).assertProblem(404, "export-not-found");
        rival.get(location + "/file").assertProblem(404, "export-not-found");
        assertThat(rival.get("/leads/exports").json().get("total").asLong()).isZero();
    }

    @Test
    void the_api_only_process_runs_no_jobs_and_says_so() {
        assertThat(String.join("\n", apiOnly.startupSummary())).contains("no worker here (LEADS_JOBS_WORKER=false)");
        assertThat(String.join("\n", workerOnly.startupSummary())).containsPattern("worker leads-worker@\\S+ running").doesNotContain("API ");
        assertThat(workerOnly.apiUrl()).isEmpty();
    }

    private static JsonNode awaitFinished(String location) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonNode export = client.get(location).json();
            String status = export.get("status").asText();
            if (status.equals("succeeded") || status.equals("failed")) {
                return export;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("export " + location + " did not finish within 60 s");
    }
}
