package com.coachintel.leads.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachintel.leads.application.health.Readiness;
import com.coachintel.leads.domain.StorageUnavailableException;
import com.coachintel.leads.domain.port.JobWorker;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Operations endpoints, request ids and errors everywhere: over a real socket, with use cases faked. */
class HttpApiTest {

    static final FakeUseCases FAKES = new FakeUseCases();
    static HttpApi api;
    static ContractClient client;

    @BeforeAll
    static void start() {
        api = new HttpApi(new HttpSettings("127.0.0.1", 0), FAKES.useCases()).start();
        client = new ContractClient(api.baseUrl());
    }

    @AfterAll
    static void stop() {
        api.stop();
    }

    @BeforeEach
    void databaseIsUp() {
        FAKES.readiness.set(() -> new Readiness(true, "reachable"));
        FAKES.jobs.set(JobWorker.State.RUNNING);
    }

    @Test
    void health_answers_ok_as_json() {
        ContractClient.Exchange response = client.get("/health");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("content-type")).startsWith("application/json");
        assertThat(response.json().get("status").asText()).isEqualTo("ok");
        assertThat(response.json().get("jobs").asText()).isEqualTo("running");
    }

    @Test
    void health_says_a_recovering_worker_and_ready_stays_about_the_api() {
        FAKES.jobs.set(JobWorker.State.RECOVERING);

        assertThat(client.get("/health").json().get("jobs").asText()).isEqualTo("recovering");
        assertThat(client.get("/ready").status()).isEqualTo(200);
    }

    @Test
    void a_database_that_does_not_answer_is_503_with_retry_after_never_500() {
        ContractClient leads = new ContractClient(api.baseUrl()).withHeader("x-user-email", FakeUseCases.ACTIVE);
        FAKES.listFailure.set(new StorageUnavailableException("the database did not answer (SQLTransientConnectionException)",
                new java.sql.SQLTransientConnectionException("pool timeout")));
        try {
            ContractClient.Exchange response = leads.get("/leads");

            assertThat(response.assertProblem(503, "storage-unavailable").get("detail").asText())
                    .contains("nothing was written");
            assertThat(response.header("retry-after")).isEqualTo("5");
        } finally {
            FAKES.listFailure.set(null);
        }
    }

    @Test
    void a_domain_error_without_an_entry_in_the_table_is_answered_by_its_kind_never_as_a_500() {
        ContractClient leads = new ContractClient(api.baseUrl()).withHeader("x-user-email", FakeUseCases.ACTIVE);
        try {
            FAKES.listFailure.set(new com.coachintel.leads.domain.DomainException("quota-exceeded", "Too many leads") { });
            ContractClient.Exchange conflict = leads.outsideContract("GET", "/leads");
            FAKES.listFailure.set(new com.coachintel.leads.domain.DomainException("bad-cursor",
                    com.coachintel.leads.domain.DomainException.Kind.INVALID, "Not a cursor") { });
            ContractClient.Exchange invalid = leads.outsideContract("GET", "/leads");

            assertThat(conflict.assertProblem(409, "quota-exceeded").get("detail").asText()).isEqualTo("Too many leads");
            assertThat(invalid.assertProblem(400, "bad-cursor").get("title").asText()).isEqualTo("Bad Request");
        } finally {
            FAKES.listFailure.set(null);
        }
    }

    @Test
    void ready_answers_200_when_the_database_is_reachable() {
        ContractClient.Exchange response = client.get("/ready");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asText()).isEqualTo("ready");
        assertThat(response.json().get("database").asText()).isEqualTo("reachable");
    }

    @Test
    void ready_answers_503_problem_when_the_database_is_not() {
        FAKES.readiness.set(() -> new Readiness(false, "database unreachable: 08001"));

        ContractClient.Exchange response = client.get("/ready");

        assertThat(response.assertProblem(503, "not-ready").get("detail").asText()).contains("08001");
    }

    @Test
    void unknown_routes_are_404_problems() {
        ContractClient.Exchange response = client.outsideContract("GET", "/nope");

        var problem = response.assertProblem(404, "not-found");
        assertThat(problem.get("detail").asText()).contains("GET /nope");
        assertThat(problem.get("instance").asText()).isEqualTo("/nope");
    }

    @Test
    void wrong_methods_are_405_problems() {
        ContractClient.Exchange response = client.outsideContract("DELETE", "/health");

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.header("content-type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).endsWith("/method-not-allowed");
    }

    @Test
    void an_accept_header_that_rules_out_json_is_a_406_problem() {
        ContractClient.Exchange response = client.getInvalid("/health", "Accept", "text/html");

        response.assertProblem(406, "not-acceptable");
        assertThat(client.get("/health", "Accept", "text/html, application/json;q=0.5").status()).isEqualTo(200);
        assertThat(client.get("/health", "Accept", "*/*").status()).isEqualTo(200);
    }

    @Test
    void failures_are_500_problems_that_reveal_only_the_request_id() {
        FAKES.readiness.set(() -> {
            throw new IllegalStateException("secret internals");
        });

        ContractClient.Exchange response = client.getInvalid("/ready");

        var problem = response.assertProblem(500, "internal-error");
        String requestId = response.header("x-request-id");
        assertThat(response.body()).doesNotContain("secret internals").doesNotContain("IllegalStateException");
        assertThat(problem.get("request_id").asText()).isEqualTo(requestId);
        assertThat(problem.get("detail").asText()).contains(requestId);
    }

    @Test
    void every_response_carries_a_request_id_and_echoes_a_safe_one() {
        String generated = client.get("/health").header("x-request-id");
        assertThat(java.util.UUID.fromString(generated)).satisfies(uuid -> {
            assertThat(uuid.version()).as("random UUID").isEqualTo(4);
            assertThat(uuid.variant()).as("IETF variant").isEqualTo(2);
        });
        assertThat(client.get("/health").header("x-request-id")).as("a new one per request").isNotEqualTo(generated);
        assertThat(client.outsideContract("GET", "/nope", "x-request-id", "trace-42").header("x-request-id")).isEqualTo("trace-42");
        assertThat(client.get("/health", "x-request-id", "bad id; with spaces").header("x-request-id")).doesNotContain("bad");
    }

    @Test
    void requests_are_handed_from_the_selector_to_pool_threads_without_reserved_threads() {
        assertThat(api.threadPool()).isInstanceOfSatisfying(QueuedThreadPool.class, pool -> {
            assertThat(pool.getReservedThreads()).isZero();
            assertThat(pool.getMaxThreads()).isEqualTo(250);
        });
        assertThat(client.get("/health").status()).as("the pool serves requests").isEqualTo(200);
    }

    @Test
    void large_bodies_are_gzipped_for_clients_that_accept_it_and_small_ones_never() {
        ContractClient.Exchange gzipped = client.outsideContract("GET", "/openapi.yaml", "Accept-Encoding", "gzip");
        ContractClient.Exchange plain = client.get("/openapi.yaml");
        ContractClient.Exchange small = client.outsideContract("GET", "/health", "Accept-Encoding", "gzip");

        assertThat(gzipped.status()).isEqualTo(200);
        assertThat(gzipped.header("content-encoding")).isEqualTo("gzip");
        assertThat(plain.header("content-encoding")).as("no Accept-Encoding, no gzip").isNull();
        assertThat(small.header("content-encoding")).as("under 1,500 bytes").isNull();
    }

    @Test
    void serves_the_contract_and_swagger_ui() {
        ContractClient.Exchange contract = client.get("/openapi.yaml");
        ContractClient.Exchange page = client.get("/docs");
        ContractClient.Exchange bundle = client.outsideContract("GET", "/docs/swagger-ui/swagger-ui-bundle.js");
        ContractClient.Exchange traversal = client.outsideContract("GET", "/docs/swagger-ui/..%2F..%2Fpom.properties");

        assertThat(contract.status()).isEqualTo(200);
        assertThat(contract.header("content-type")).startsWith("application/yaml");
        assertThat(contract.body()).startsWith("openapi: 3.0.3").contains("/leads/{id}/events:");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("SwaggerUIBundle", "url: \"/openapi.yaml\"");
        assertThat(bundle.status()).isEqualTo(200);
        assertThat(bundle.body()).contains("SwaggerUIBundle");
        assertThat(bundle.header("content-type")).startsWith("text/javascript");
        assertThat(traversal.status()).isEqualTo(404);
    }

    @Test
    void the_docs_page_runs_only_its_own_scripts() throws Exception {
        ContractClient.Exchange page = client.get("/docs");
        String policy = page.header("Content-Security-Policy");

        assertThat(policy).contains("default-src 'self'", "object-src 'none'", "frame-ancestors 'none'");
        // The one inline script is allowed by its hash, which must match the script the page really holds.
        String body = page.body();
        String script = body.substring(body.indexOf("<script>") + 8, body.indexOf("</script>", body.indexOf("<script>")));
        String hash = java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                .digest(script.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(policy).contains("script-src 'self' 'sha256-" + hash + "'");
    }

    @Test
    void lead_answers_are_never_sniffed_or_cached_errors_included() {
        for (ContractClient.Exchange answer : new ContractClient.Exchange[] {
                client.get("/leads", "x-user-email", FakeUseCases.ACTIVE),
                client.getInvalid("/leads?limit=0", "x-user-email", FakeUseCases.ACTIVE),
                client.getInvalid("/leads")}) {
            assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        }
    }
}
