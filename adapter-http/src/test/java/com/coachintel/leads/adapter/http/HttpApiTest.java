package com.coachintel.leads.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachintel.leads.application.health.CheckReadinessUseCase;
import com.coachintel.leads.application.health.Readiness;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The API over a real socket, with the readiness use case faked. */
class HttpApiTest {

    static final HttpClient CLIENT = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();
    static final AtomicReference<CheckReadinessUseCase> READINESS = new AtomicReference<>();
    static HttpApi api;

    @BeforeAll
    static void start() {
        api = new HttpApi(new HttpSettings("127.0.0.1", 0), () -> READINESS.get().checkReadiness()).start();
    }

    @AfterAll
    static void stop() {
        api.stop();
    }

    @BeforeEach
    void databaseIsUp() {
        READINESS.set(() -> new Readiness(true, "reachable"));
    }

    @Test
    void health_answers_ok_as_json() throws Exception {
        HttpResponse<String> response = get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(JSON.readTree(response.body()).get("status").asText()).isEqualTo("ok");
    }

    @Test
    void ready_answers_200_when_the_database_is_reachable() throws Exception {
        HttpResponse<String> response = get("/ready");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("status").asText()).isEqualTo("ready");
        assertThat(body.get("database").asText()).isEqualTo("reachable");
    }

    @Test
    void ready_answers_503_problem_when_the_database_is_not() throws Exception {
        READINESS.set(() -> new Readiness(false, "database unreachable: 08001"));

        HttpResponse<String> response = get("/ready");

        assertProblem(response, 503, "not-ready");
        assertThat(JSON.readTree(response.body()).get("detail").asText()).contains("08001");
    }

    @Test
    void unknown_routes_are_404_problems() throws Exception {
        HttpResponse<String> response = get("/nope");

        assertProblem(response, 404, "not-found");
        assertThat(JSON.readTree(response.body()).get("detail").asText()).contains("GET /nope");
        assertThat(JSON.readTree(response.body()).get("instance").asText()).isEqualTo("/nope");
    }

    @Test
    void wrong_methods_are_405_problems() throws Exception {
        HttpResponse<String> response = CLIENT.send(request("/health").DELETE().build(), HttpResponse.BodyHandlers.ofString());

        assertProblem(response, 405, "method-not-allowed");
    }

    @Test
    void failures_are_500_problems_that_reveal_only_the_request_id() throws Exception {
        READINESS.set(() -> {
            throw new IllegalStateException("secret internals");
        });

        HttpResponse<String> response = get("/ready");

        assertProblem(response, 500, "internal-error");
        String requestId = response.headers().firstValue("x-request-id").orElseThrow();
        assertThat(response.body()).doesNotContain("secret internals").doesNotContain("IllegalStateException");
        assertThat(JSON.readTree(response.body()).get("request_id").asText()).isEqualTo(requestId);
        assertThat(JSON.readTree(response.body()).get("detail").asText()).contains(requestId);
    }

    @Test
    void every_response_carries_a_request_id_and_echoes_the_callers() throws Exception {
        HttpResponse<String> generated = get("/health");
        HttpResponse<String> echoed = CLIENT.send(request("/nope").header("x-request-id", "trace-42").build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unsafe = CLIENT.send(request("/health").header("x-request-id", "bad id; with spaces").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(generated.headers().firstValue("x-request-id")).hasValueSatisfying(id -> assertThat(id).hasSize(36));
        assertThat(echoed.headers().firstValue("x-request-id")).contains("trace-42");
        assertThat(unsafe.headers().firstValue("x-request-id")).hasValueSatisfying(id -> assertThat(id).doesNotContain("bad"));
    }

    static void assertProblem(HttpResponse<String> response, int status, String slug) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("type").asText()).endsWith("/problems/" + slug);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("title").asText()).isNotBlank();
        assertThat(body.get("detail").asText()).isNotBlank();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(api.baseUrl() + path));
    }
}
