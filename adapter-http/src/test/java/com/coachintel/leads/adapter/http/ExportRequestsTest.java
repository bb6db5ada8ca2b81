package com.coachintel.leads.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachintel.leads.domain.LeadStatus;
import com.coachintel.leads.domain.Tag;
import com.coachintel.leads.domain.export.ExportId;
import com.coachintel.leads.domain.query.LeadFilters;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import com.coachintel.leads.application.export.ExportsBusyException;
import org.junit.jupiter.api.Test;

/** The export endpoints' requests, headers and errors, with the use cases faked. */
class ExportRequestsTest {

    static final FakeUseCases FAKES = new FakeUseCases();
    static HttpApi api;
    static ContractClient client;

    @BeforeAll
    static void start() {
        api = new HttpApi(new HttpSettings("127.0.0.1", 0), FAKES.useCases(),
                Clock.fixed(Instant.parse("2026-11-26T23:59:59Z"), ZoneOffset.UTC)).start();
        client = new ContractClient(api.baseUrl()).withHeader("x-user-email", FakeUseCases.ACTIVE);
    }

    @AfterAll
    static void stop() {
        api.stop();
    }

    static ContractClient.Exchange post(String path, String body) {
        return body == null ? client.send("POST", path, null, true)
                : client.send("POST", path, body, true, "Content-Type", "application/json");
    }

    @Test
    void a_busy_server_refuses_a_streamed_export_at_once_with_503_and_retry_after_before_any_csv_header() {
        FAKES.exportFailure.set(new ExportsBusyException(2, java.time.Duration.ofSeconds(10)));
        try {
            ContractClient.Exchange response = post("/leads/export", "{}");

            assertThat(response.assertProblem(503, "exports-busy").get("detail").asText()).contains("POST /leads/exports");
            assertThat(response.header("retry-after")).isEqualTo("10");
            assertThat(response.header("content-disposition")).isNull();
        } finally {
            FAKES.exportFailure.set(null);
        }
    }

    @Test
    void streams_csv_as_an_attachment_named_by_the_date() {
        ContractClient.Exchange response = post("/leads/export", "{}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("content-type")).isEqualTo("text/csv; charset=utf-8");
        assertThat(response.header("content-disposition")).isEqualTo("attachment; filename=\"leads-2026-11-26.csv\"");
        assertThat(response.header("x-request-id")).isNotBlank();
        assertThat(response.body()).isEqualTo(FakeUseCases.CSV);
    }

    @Test
    void an_empty_body_exports_everything() {
        assertThat(post("/leads/export", null).status()).isEqualTo(200);
        assertThat(FAKES.lastExportFilters.get()).isEqualTo(LeadFilters.none());
    }

    @Test
    void takes_the_list_filters_with_status_and_tag_as_string_or_array() {
        post("/leads/export", "{\"q\": \" ada \", \"status\": [\"invited\", \"lost\"], \"tag\": \"VIP\", "
                + "\"date_from\": \"2026-01-01\", \"date_to\": \"2026-01-31\"}");
        LeadFilters filters = FAKES.lastExportFilters.get();
        assertThat(filters.search()).hasValueSatisfying(term -> assertThat(term.text()).isEqualTo("ada"));
        assertThat(filters.statuses()).containsExactlyInAnyOrder(LeadStatus.INVITED, LeadStatus.LOST);
        assertThat(filters.tags()).containsExactly(new Tag("vip"));
        assertThat(filters.created().toExclusive()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));

        post("/leads/exports", "{\"status\": \"converted\", \"tag\": [\"a\", \"b\"]}");
        assertThat(FAKES.lastExportFilters.get().statuses()).containsExactly(LeadStatus.CONVERTED);
        assertThat(FAKES.lastExportFilters.get().tags()).containsExactlyInAnyOrder(new Tag("a"), new Tag("b"));
    }

    @Test
    void bad_filters_and_unknown_properties_are_400_before_any_byte_is_sent() {
        ContractClient.Exchange response = client.send("POST", "/leads/export",
                "{\"status\": \"pending\", \"tag\": [1], \"limit\": \"5\", \"date_from\": 20260101}", false,
                "Content-Type", "application/json");

        response.assertProblem(400, "validation-failed");
        assertThat(response.errorFields()).containsExactlyInAnyOrder("status", "tag[0]", "limit", "date_from");
        client.send("POST", "/leads/exports", "{\"stauts\": \"lost\"}", false, "Content-Type", "application/json")
                .assertProblem(400, "validation-failed");
    }

    @Test
    void an_accept_header_without_csv_is_406_and_a_body_that_is_not_json_415() {
        client.send("POST", "/leads/export", "{}", false, "Content-Type", "application/json", "Accept", "application/json")
                .assertProblem(406, "not-acceptable");
        client.send("POST", "/leads/export", "status=lost", false, "Content-Type", "application/x-www-form-urlencoded")
                .assertProblem(415, "unsupported-media-type");
    }

    @Test
    void an_async_export_is_202_with_its_location_and_downloadable_once_finished() {
        ContractClient.Exchange accepted = post("/leads/exports", "{\"status\": \"invited\"}");

        assertThat(accepted.status()).isEqualTo(202);
        String id = accepted.json().get("id").asText();
        assertThat(accepted.header("Location")).isEqualTo("/leads/exports/" + id);
        assertThat(accepted.json().get("status").asText()).isEqualTo("queued");
        assertThat(client.get("/leads/exports/" + id).json().get("status").asText()).isEqualTo("queued");
        var notReady = client.get("/leads/exports/" + id + "/file").assertProblem(409, "export-not-ready");
        assertThat(notReady.get("export_status").asText()).isEqualTo("queued");

        FAKES.finishExport(ExportId.parse(id, "id"));

        ContractClient.Exchange file = client.get("/leads/exports/" + id + "/file");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.header("content-disposition")).isEqualTo("attachment; filename=\"leads-2026-11-26.csv\"");
        assertThat(file.body()).isEqualTo(FakeUseCases.CSV);
        assertThat(client.get("/leads/exports").json().get("items").findValuesAsText("id")).contains(id);
    }

    @Test
    void unknown_and_malformed_export_ids() {
        client.get("/leads/exports/" + ExportId.random()).assertProblem(404, "export-not-found");
        client.get("/leads/exports/" + ExportId.random() + "/file").assertProblem(404, "export-not-found");
        assertThat(client.getInvalid("/leads/exports/nope").errorFields()).containsExactly("id");
        assertThat(client.getInvalid("/leads/exports?page=2").errorFields()).containsExactly("page");
    }
}
