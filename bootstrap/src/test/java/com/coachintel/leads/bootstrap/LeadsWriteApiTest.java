package com.coachintel.leads.bootstrap;

import static com.coachintel.leads.adapter.persistence.LeadRows.aLead;
import static org.assertj.core.api.Assertions.assertThat;

import com.coachintel.leads.adapter.http.ContractClient;
import com.coachintel.leads.adapter.persistence.Concurrently;
import com.coachintel.leads.adapter.persistence.LeadRows;
import com.coachintel.leads.adapter.persistence.TestDatabase;
import com.coachintel.leads.adapter.persistence.TestPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Changing leads end to end: the real wiring over a real socket against PostgreSQL, checked against the contract. */
class LeadsWriteApiTest {

    static final String COACH = "coach@acme.example";
    static TestDatabase db;
    static LeadsApplication app;
    static ContractClient client;
    static ContractClient rival;
    static UUID acme;

    @BeforeAll
    static void start() {
        db = TestPostgres.freshDatabase();
        acme = LeadRows.insertOrg(db, "Acme Coaching");
        UUID other = LeadRows.insertOrg(db, "Other Coaching");
        LeadRows.insertUser(db, acme, COACH, true);
        LeadRows.insertUser(db, acme, "former@acme.example", false);
        LeadRows.insertUser(db, other, "rival@other.example", true);
        app = LeadsApplication.start(LeadsConfig.from(Map.of("DATABASE_URL", db.jdbcUrl(), "DATABASE_USER", "postgres",
                "LEADS_HTTP_PORT", "0", "LEADS_DEMO_DATA", "false", "LEADS_JOBS_WORKER", "false", "LEADS_DEFAULT_PHONE_REGION", "US"), new Properties()));
        client = new ContractClient(app.baseUrl()).withHeader("x-user-email", COACH);
        rival = new ContractClient(app.baseUrl()).withHeader("x-user-email", "rival@other.example");
    }

    @AfterAll
    static void stop() {
        app.close();
        db.close();
    }

    static String newLead(String status, String... tags) {
        return "/leads/" + aLead().withStatus(status).withTags(tags).insert(db, acme);
    }

    static ContractClient.Exchange send(String method, String path, String json, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return client.send(method, path, json, true, all);
    }

    static ContractClient.Exchange sendInvalid(String method, String path, String json) {
        return client.send(method, path, json, false, "Content-Type", "application/json");
    }

    static JsonNode history(String lead) {
        return client.get(lead + "/history?limit=500").json();
    }

    @Test
    void patch_replaces_tags_and_phone_normalised_and_audits_both() {
        String lead = newLead("waitlist", "old");

        ContractClient.Exchange response = send("PATCH", lead,
                "{\"tags\": [\" VIP \", \"vip\", \"Webinar\"], \"phone\": \"(415) 555-0123\"}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("ETag")).isEqualTo("\"2\"");
        JsonNode body = response.json();
        assertThat(body.get("tags").toString()).isEqualTo("[\"vip\",\"webinar\"]");
        assertThat(body.get("phone").asText()).isEqualTo("+14155550123");
        assertThat(body.get("version").asLong()).isEqualTo(2);
        assertThat(client.get(lead).header("ETag")).isEqualTo("\"2\"");
        JsonNode items = history(lead).get("items");
        assertThat(items).hasSize(2);
        assertThat(items.findValuesAsText("field")).containsExactlyInAnyOrder("tags", "phone");
        assertThat(items.findValuesAsText("changed_by")).containsOnly(COACH);
    }

    @Test
    void a_null_phone_removes_it_and_an_empty_patch_changes_nothing() {
        String lead = newLead("waitlist");
        send("PATCH", lead, "{\"phone\": \"+1 212 555 0100\"}");

        assertThat(send("PATCH", lead, "{\"phone\": null}").json().get("phone").isNull()).isTrue();
        ContractClient.Exchange nothing = send("PATCH", lead, "{}");
        assertThat(nothing.json().get("version").asLong()).isEqualTo(3);
        assertThat(history(lead).get("total").asLong()).isEqualTo(2);
        JsonNode cleared = history(lead).get("items").get(0);
        assertThat(cleared.get("old_value").asText()).isEqualTo("+12125550100");
        assertThat(cleared.get("new_value").isNull()).isTrue();
    }

    @Test
    void bad_input_is_400_and_changes_nothing() {
        String lead = newLead("waitlist", "keep");

        ContractClient.Exchange response = sendInvalid("PATCH", lead, "{\"tags\": [\"ok\", \"no;semicolons\"], \"phone\": \"12\"}");
        ContractClient.Exchange unknown = sendInvalid("PATCH", lead, "{\"status\": \"lost\"}");

        response.assertProblem(400, "validation-failed");
        assertThat(response.errorFields()).containsExactly("tags[1]", "phone");
        assertThat(unknown.errorFields()).containsExactly("status");
        JsonNode after = client.get(lead).json();
        assertThat(after.get("version").asLong()).isEqualTo(1);
        assertThat(after.get("tags").toString()).isEqualTo("[\"keep\"]");
        assertThat(history(lead).get("total").asLong()).isZero();
    }

    @Test
    void notes_record_who_and_when_and_are_limited_to_10000_characters() {
        String lead = newLead("waitlist");

        JsonNode written = send("PATCH", lead + "/notes", "{\"notes\": \"Prefers mornings, \\\"quoted\\\"\"}").json();
        ContractClient.Exchange tooLong = sendInvalid("PATCH", lead + "/notes", "{\"notes\": \"" + "x".repeat(10_001) + "\"}");
        JsonNode cleared = send("PATCH", lead + "/notes", "{\"notes\": \"\"}").json();

        assertThat(written.get("notes").asText()).isEqualTo("Prefers mornings, \"quoted\"");
        assertThat(written.get("notes_updated_by").asText()).isEqualTo(COACH);
        assertThat(written.get("notes_updated_at").isNull()).isFalse();
        assertThat(tooLong.errorFields()).containsExactly("notes");
        assertThat(cleared.get("notes").isNull()).isTrue();
        assertThat(cleared.get("version").asLong()).isEqualTo(3);
        assertThat(send("PATCH", lead + "/notes", "{\"notes\": \"" + "y".repeat(10_000) + "\"}").status()).isEqualTo(200);
    }

    @Test
    void an_empty_or_blank_phone_removes_it_as_coachintels_drawer_sends_it() {
        String lead = newLead("waitlist");
        send("PATCH", lead, "{\"phone\": \"+1 212 555 0100\"}");

        JsonNode cleared = send("PATCH", lead, "{\"phone\": \"\"}").json();

        assertThat(cleared.get("phone").isNull()).isTrue();
        send("PATCH", lead, "{\"phone\": \"+1 212 555 0100\"}");
        assertThat(send("PATCH", lead, "{\"phone\": \"   \"}").json().get("phone").isNull()).isTrue();
        assertThat(history(lead).get("items").get(0).get("new_value").isNull()).isTrue();
    }

    @Test
    void a_charset_other_than_utf8_is_415_and_a_nul_in_notes_or_reason_is_400_with_nothing_written() {
        String lead = newLead("waitlist");

        // Not checked against the contract: the validator itself cannot build a request with an unknown charset.
        client.send("PATCH", lead + "/notes", "{\"notes\": \"x\"}", null, "Content-Type", "application/json; charset=bogus")
                .assertProblem(415, "unsupported-media-type");
        client.send("POST", "/leads/export", "{}", false, "Content-Type", "application/json; charset=latin1")
                .assertProblem(415, "unsupported-media-type");
        assertThat(client.send("PATCH", lead + "/notes", "{\"notes\": \"ok\"}", true, "Content-Type",
                "application/json; charset=UTF-8").status()).isEqualTo(200);
        ContractClient.Exchange nulNotes = sendInvalid("PATCH", lead + "/notes", "{\"notes\": \"a\\u0000b\"}");
        ContractClient.Exchange nulReason = sendInvalid("POST", lead + "/status", "{\"status\": \"invited\", \"reason\": \"a\\u0000b\"}");

        ContractClient.Exchange surrogateNotes = sendInvalid("PATCH", lead + "/notes", "{\"notes\": \"a\\ud800b\"}");
        ContractClient.Exchange surrogateReason = sendInvalid("POST", lead + "/status",
                "{\"status\": \"invited\", \"reason\": \"\\udc00\"}");
        ContractClient.Exchange extension = sendInvalid("PATCH", lead, "{\"phone\": \"+1 415 555 0123 ext. 99\"}");

        assertThat(nulNotes.assertProblem(400, "validation-failed")).isNotNull();
        assertThat(nulNotes.errorFields()).containsExactly("notes");
        assertThat(nulReason.errorFields()).containsExactly("reason");
        assertThat(surrogateNotes.errorFields()).containsExactly("notes");
        assertThat(surrogateReason.errorFields()).containsExactly("reason");
        assertThat(extension.errorFields()).containsExactly("phone");
        assertThat(extension.body()).contains("has an extension");
        JsonNode after = client.get(lead).json();
        assertThat(after.get("notes").asText()).isEqualTo("ok");
        assertThat(after.get("status").asText()).isEqualTo("waitlist");
    }

    @Test
    void tags_may_hold_what_people_write() {
        String lead = newLead("waitlist");

        JsonNode tagged = send("PATCH", lead, "{\"tags\": [\"50% off\", \"Q&A\", \"c++\", \"O'Brien\", \"cafe\u0301\"]}").json();

        assertThat(tagged.get("tags").toString()).isEqualTo("[\"50% off\",\"q&a\",\"c++\",\"o'brien\",\"caf\u00e9\"]");
        assertThat(client.get("/leads?tag=50%25%20off").json().get("items").findValuesAsText("id"))
                .contains(lead.substring("/leads/".length()));
        ContractClient.Exchange refused = sendInvalid("PATCH", lead, "{\"tags\": [\"a;b\", \"tab\\there\"]}");
        assertThat(refused.errorFields()).containsExactly("tags[0]", "tags[1]");
    }

    @Test
    void the_lifecycle_is_enforced_and_every_change_recorded() {
        String lead = newLead("waitlist");

        JsonNode invited = send("POST", lead + "/status", "{\"status\": \"invited\", \"reason\": \"cohort opened\"}").json();
        JsonNode same = send("POST", lead + "/status", "{\"status\": \"invited\"}").json();
        JsonNode converted = send("POST", lead + "/status", "{\"status\": \"converted\"}").json();
        ContractClient.Exchange back = send("POST", lead + "/status", "{\"status\": \"waitlist\"}");

        assertThat(invited.get("status").asText()).isEqualTo("invited");
        assertThat(invited.get("recent_status_changes").get(0).get("reason").asText()).isEqualTo("cohort opened");
        assertThat(invited.get("allowed_next").toString()).isEqualTo("[\"waitlist\",\"converted\",\"lost\"]");
        assertThat(same.get("version").asLong()).isEqualTo(2);
        assertThat(converted.get("version").asLong()).isEqualTo(3);
        assertThat(converted.get("allowed_next").toString()).isEqualTo("[\"waitlist\",\"invited\",\"lost\"]");
        assertThat(converted.get("correction_next").toString()).isEqualTo("[\"waitlist\",\"invited\"]");
        JsonNode problem = back.assertProblem(409, "invalid-status-transition");
        assertThat(problem.get("current_status").asText()).isEqualTo("converted");
        assertThat(problem.get("reason_required").asBoolean()).isTrue();
        JsonNode items = history(lead).get("items");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).get("old_value").asText()).isEqualTo("invited");
        assertThat(items.get(0).get("new_value").asText()).isEqualTo("converted");
        assertThat(items.get(1).get("reason").asText()).isEqualTo("cohort opened");
        assertThat(client.get(lead).json().get("status").asText()).isEqualTo("converted");
    }

    @Test
    void every_status_reaches_every_other_and_a_mistaken_conversion_is_corrected_with_a_reason() {
        String lead = newLead("waitlist");
        // CoachIntel's Convert button on a fresh sign-up, a churned client, a come-back.
        assertThat(send("POST", lead + "/status", "{\"status\": \"converted\"}").status()).isEqualTo(200);
        assertThat(send("POST", lead + "/status", "{\"status\": \"lost\"}").status()).isEqualTo(200);
        assertThat(send("POST", lead + "/status", "{\"status\": \"invited\"}").status()).isEqualTo(200);
        assertThat(send("POST", lead + "/status", "{\"status\": \"converted\"}").status()).isEqualTo(200);

        JsonNode corrected = send("POST", lead + "/status", "{\"status\": \"invited\", \"reason\": \"clicked Convert by mistake\"}")
                .json();

        assertThat(corrected.get("status").asText()).isEqualTo("invited");
        assertThat(corrected.get("recent_status_changes").get(0).get("correction").asBoolean()).isTrue();
        JsonNode latest = history(lead).get("items").get(0);
        assertThat(latest.get("correction").asBoolean()).isTrue();
        assertThat(latest.get("reason").asText()).isEqualTo("clicked Convert by mistake");
        assertThat(history(lead).get("items").get(1).get("correction").asBoolean()).isFalse();
    }

    @Test
    void a_stale_if_match_is_412_and_changes_nothing() {
        String lead = newLead("waitlist");
        String etag = client.get(lead).header("ETag");
        send("PATCH", lead + "/notes", "{\"notes\": \"first\"}", "If-Match", etag);

        ContractClient.Exchange stale = send("PATCH", lead + "/notes", "{\"notes\": \"second\"}", "If-Match", etag);

        assertThat(stale.assertProblem(412, "version-mismatch").get("current_version").asLong()).isEqualTo(2);
        assertThat(stale.header("ETag")).isEqualTo("\"2\"");
        assertThat(client.get(lead).json().get("notes").asText()).isEqualTo("first");
        assertThat(send("POST", lead + "/status", "{\"status\": \"lost\"}", "If-Match", "\"1\"").status()).isEqualTo(412);
        assertThat(send("POST", lead + "/status", "{\"status\": \"lost\"}", "If-Match", "\"2\"").status()).isEqualTo(200);
    }

    @Test
    void another_orgs_lead_cannot_be_changed_or_read() {
        String lead = newLead("waitlist", "mine");

        rival.send("PATCH", lead, "{\"tags\": []}", true, "Content-Type", "application/json").assertProblem(404, "lead-not-found");
        rival.send("PATCH", lead + "/notes", "{\"notes\": \"x\"}", true, "Content-Type", "application/json")
                .assertProblem(404, "lead-not-found");
        rival.send("POST", lead + "/status", "{\"status\": \"lost\"}", true, "Content-Type", "application/json")
                .assertProblem(404, "lead-not-found");
        rival.get(lead + "/history").assertProblem(404, "lead-not-found");
        assertThat(client.get(lead).json().get("version").asLong()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PATCH /leads/%s", "PATCH /leads/%s/notes", "POST /leads/%s/status", "GET /leads/%s/history"})
    void every_write_endpoint_needs_a_known_active_user(String route) {
        String[] parts = route.formatted(UUID.randomUUID()).split(" ");
        String body = parts[0].equals("GET") ? null : "{}";

        client.send(parts[0], parts[1], body, false, "x-user-email", null, "Content-Type", "application/json")
                .assertProblem(401, "authentication-required");
        client.send(parts[0], parts[1], body, false, "x-user-email", "former@acme.example", "Content-Type", "application/json")
                .assertProblem(403, "account-inactive");
    }

    @Test
    void twenty_concurrent_notes_writers_lose_nothing_and_the_history_matches_the_final_state() throws Exception {
        String lead = newLead("waitlist");
        List<Callable<Integer>> writers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String notes = "writer " + i;
            writers.add(() -> send("PATCH", lead + "/notes", "{\"notes\": \"" + notes + "\"}").status());
        }

        assertThat(Concurrently.all(writers)).containsOnly(200);

        JsonNode after = client.get(lead).json();
        JsonNode items = history(lead).get("items");
        assertThat(after.get("version").asLong()).isEqualTo(21);
        assertThat(items).hasSize(20);
        assertThat(items.get(0).get("new_value").asText()).isEqualTo(after.get("notes").asText());
        for (int i = 0; i < 19; i++) {
            assertThat(items.get(i).get("old_value")).isEqualTo(items.get(i + 1).get("new_value"));
        }
    }

    @RepeatedTest(10)
    void twenty_concurrent_read_modify_write_clients_with_if_match_lose_no_tag() throws Exception {
        String lead = newLead("waitlist");
        List<Callable<Integer>> writers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String tag = "t" + i;
            writers.add(() -> {
                int attempts = 0;
                while (true) {
                    attempts++;
                    ContractClient.Exchange current = client.get(lead);
                    Set<String> tags = new HashSet<>();
                    current.json().get("tags").forEach(t -> tags.add(t.asText()));
                    tags.add(tag);
                    String json = "{\"tags\": [" + String.join(",", tags.stream().map(t -> "\"" + t + "\"").toList()) + "]}";
                    int status = send("PATCH", lead, json, "If-Match", current.header("ETag")).status();
                    if (status == 200) {
                        return attempts;
                    }
                    assertThat(status).isEqualTo(412);
                }
            });
        }

        Concurrently.all(writers);

        JsonNode after = client.get(lead).json();
        Set<String> tags = new HashSet<>();
        after.get("tags").forEach(t -> tags.add(t.asText()));
        assertThat(tags).hasSize(20);
        assertThat(after.get("version").asLong()).isEqualTo(21);
        assertThat(history(lead).get("total").asLong()).isEqualTo(20);
    }

}
