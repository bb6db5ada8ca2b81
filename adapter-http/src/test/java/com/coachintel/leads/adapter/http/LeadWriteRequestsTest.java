package com.coachintel.leads.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachintel.leads.domain.FieldUpdate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the write endpoints read bodies and headers, and what they refuse; use cases faked. */
class LeadWriteRequestsTest {

    static final FakeUseCases FAKES = new FakeUseCases();
    static final String LEAD = "/leads/" + FakeUseCases.LEAD.id();
    static HttpApi api;
    static ContractClient client;

    @BeforeAll
    static void start() {
        api = new HttpApi(new HttpSettings("127.0.0.1", 0), FAKES.useCases()).start();
        client = new ContractClient(api.baseUrl()).withHeader("x-user-email", FakeUseCases.ACTIVE);
    }

    @AfterAll
    static void stop() {
        api.stop();
    }

    static ContractClient.Exchange patch(String path, String body, String... headers) {
        return client.send("PATCH", path, body, true, withJson(headers));
    }

    static ContractClient.Exchange invalid(String method, String path, String body, String... headers) {
        return client.send(method, path, body, false, withJson(headers));
    }

    static String[] withJson(String... headers) {
        return ContractClient.jsonHeaders(headers);
    }

    @Test
    void patch_passes_tags_and_phone_on_and_answers_the_lead_with_its_etag() {
        ContractClient.Exchange response = patch(LEAD, "{\"tags\": [\"VIP\", \" webinar\"], \"phone\": \"+1 415 555 0100\"}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("ETag")).isEqualTo("\"3\"");
        assertThat(response.json().get("version").asLong()).isEqualTo(3);
        assertThat(FAKES.lastContactUpdate.get().tags()).isEqualTo(FieldUpdate.set(List.of("VIP", " webinar")));
        assertThat(FAKES.lastContactUpdate.get().phone()).isEqualTo(FieldUpdate.set("+1 415 555 0100"));
    }

    @Test
    void absent_properties_are_kept_and_a_null_phone_is_removed() {
        patch(LEAD, "{\"phone\": null}");
        assertThat(FAKES.lastContactUpdate.get().tags()).isEqualTo(FieldUpdate.keep());
        assertThat(FAKES.lastContactUpdate.get().phone()).isEqualTo(FieldUpdate.clear());

        assertThat(client.send("PATCH", LEAD, "{\"tags\": []}", true, "Content-Type", "application/merge-patch+json").status())
                .isEqualTo(200);
        assertThat(FAKES.lastContactUpdate.get().tags()).isEqualTo(FieldUpdate.set(List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"status\": \"lost\"}|status|is not a property of this request; accepted: phone, tags",
        "{\"tags\": \"vip\"}|tags|must be an array of strings, got a string",
        "{\"tags\": null}|tags|[] removes them all",
        "{\"tags\": [\"ok\", 7]}|tags[1]|must be a string, got a number",
        "{\"phone\": 4155550100}|phone|must be a string or null, got a number",
        "{\"tags\": [}|body|is not valid JSON",
        "[\"vip\"]|body|must be a JSON object",
    })
    void bad_bodies_are_400_problems_naming_the_property(String body, String field, String message) {
        ContractClient.Exchange response = invalid("PATCH", LEAD, body);

        var problem = response.assertProblem(400, "validation-failed");
        assertThat(response.errorFields()).containsExactly(field);
        assertThat(problem.get("errors").get(0).get("message").asText()).contains(message);
    }

    @Test
    void bodies_that_are_not_json_are_415() {
        ContractClient.Exchange response = client.send("PATCH", LEAD, "tags=vip", false, "Content-Type", "text/plain");

        response.assertProblem(415, "unsupported-media-type");
        client.send("POST", LEAD + "/status", "{\"status\":\"converted\"}", false).assertProblem(415, "unsupported-media-type");
    }

    @Test
    void bodies_over_64_kib_are_413() {
        String notes = "x".repeat(70_000);

        invalid("PATCH", LEAD + "/notes", "{\"notes\": \"" + notes + "\"}").assertProblem(413, "content-too-large");
    }

    @Test
    void if_match_with_the_current_etag_passes_and_a_stale_one_is_412_with_the_current_etag() {
        assertThat(patch(LEAD, "{\"tags\": []}", "If-Match", "\"3\"").status()).isEqualTo(200);
        assertThat(FAKES.lastExpectedVersion.get()).contains(3L);
        assertThat(patch(LEAD, "{\"tags\": []}", "If-Match", "*").status()).isEqualTo(200);
        assertThat(FAKES.lastExpectedVersion.get()).isEqualTo(Optional.empty());

        ContractClient.Exchange stale = patch(LEAD + "/notes", "{\"notes\": \"x\"}", "If-Match", "\"2\"");

        var problem = stale.assertProblem(412, "version-mismatch");
        assertThat(stale.header("ETag")).isEqualTo("\"3\"");
        assertThat(problem.get("current_version").asLong()).isEqualTo(3);
    }

    @Test
    void a_malformed_or_weak_if_match_is_a_400_naming_it() {
        assertThat(invalid("PATCH", LEAD, "{}", "If-Match", "3").errorFields()).containsExactly("If-Match");
        assertThat(invalid("PATCH", LEAD, "{}", "If-Match", "W/\"3\"").errorFields()).containsExactly("If-Match");
    }

    @Test
    void notes_are_required_may_be_null_and_must_be_text() {
        assertThat(patch(LEAD + "/notes", "{\"notes\": \"Prefers mornings\"}").json().get("notes").asText())
                .isEqualTo("Prefers mornings");
        assertThat(patch(LEAD + "/notes", "{\"notes\": null}").status()).isEqualTo(200);
        assertThat(FAKES.lastNotes.get()).isNull();

        assertThat(invalid("PATCH", LEAD + "/notes", "{}").errorFields()).containsExactly("notes");
        assertThat(invalid("PATCH", LEAD + "/notes", "{\"notes\": 5, \"by\": \"me\"}").errorFields())
                .containsExactlyInAnyOrder("notes", "by");
    }

    @Test
    void status_changes_take_a_status_and_an_optional_reason() {
        ContractClient.Exchange response = client.send("POST", LEAD + "/status",
                "{\"status\": \"converted\", \"reason\": \"paid\"}", true, "Content-Type", "application/json");

        assertThat(response.status()).isEqualTo(200);
        assertThat(FAKES.lastReason.get()).isEqualTo("paid");
        assertThat(invalid("POST", LEAD + "/status", "{}").errorFields()).containsExactly("status");
        assertThat(invalid("POST", LEAD + "/status", "{\"status\": \"done\"}").errorFields()).containsExactly("status");
        assertThat(invalid("POST", LEAD + "/status", "{\"status\": \"converted\", \"reason\": 1}").errorFields())
                .containsExactly("reason");
    }

    @Test
    void a_correction_without_a_reason_is_409_saying_so_and_naming_the_allowed_statuses() {
        ContractClient.Exchange response = client.send("POST", LEAD + "/status", "{\"status\": \"waitlist\"}", true,
                "Content-Type", "application/json");

        var problem = response.assertProblem(409, "invalid-status-transition");
        assertThat(problem.get("detail").asText()).contains("from converted to waitlist", "needs a reason");
        assertThat(problem.get("current_status").asText()).isEqualTo("converted");
        assertThat(problem.get("requested_status").asText()).isEqualTo("waitlist");
        assertThat(problem.get("reason_required").asBoolean()).isTrue();
        assertThat(problem.get("allowed_next").toString()).isEqualTo("[\"invited\",\"lost\",\"waitlist\"]");
        assertThat(problem.get("correction_next").toString()).isEqualTo("[\"invited\",\"waitlist\"]");

        assertThat(client.send("POST", LEAD + "/status", "{\"status\": \"waitlist\", \"reason\": \"mis-click\"}", true,
                "Content-Type", "application/json").status()).isEqualTo(200);
    }

    @Test
    void history_pages_and_refuses_unknown_parameters() {
        var body = client.get(LEAD + "/history?limit=10").json();

        assertThat(body.get("items").get(0).get("field").asText()).isEqualTo("tags");
        assertThat(body.get("items").get(0).get("old_value").get(0).asText()).isEqualTo("old");
        assertThat(body.get("items").get(0).get("new_value").get(0).asText()).isEqualTo("vip");
        assertThat(client.getInvalid(LEAD + "/history?field=tags").errorFields()).containsExactly("field");
        client.get("/leads/3f2b8c1e-0000-4000-8000-000000000000/history").assertProblem(404, "lead-not-found");
    }
}
