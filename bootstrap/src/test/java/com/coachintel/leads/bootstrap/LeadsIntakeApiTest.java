package com.coachintel.leads.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachintel.leads.adapter.http.ContractClient;
import com.coachintel.leads.adapter.persistence.Concurrently;
import com.coachintel.leads.adapter.persistence.LeadRows;
import com.coachintel.leads.adapter.persistence.TestDatabase;
import com.coachintel.leads.adapter.persistence.TestPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Leads coming in, end to end: the real wiring over a real socket against PostgreSQL, checked against the contract.
 * The API trusts 127.0.0.1 as a proxy here, so each capture test names its own client address in X-Forwarded-For
 * and has a rate-limit bucket of its own.
 */
class LeadsIntakeApiTest {

    static final String COACH = "coach@acme.example";
    static final String ASSISTANT = "assistant@acme.example";
    static final String ORIGIN = "https://app.coachintel.example";
    static final AtomicInteger CLIENTS = new AtomicInteger();
    static TestDatabase db;
    static LeadsApplication app;
    static ContractClient client;
    static ContractClient assistant;
    static ContractClient rival;
    static ContractClient anonymous;
    static UUID acme;

    @BeforeAll
    static void start() {
        db = TestPostgres.freshDatabase();
        acme = LeadRows.insertOrg(db, "Acme Coaching");
        UUID other = LeadRows.insertOrg(db, "Other Coaching");
        LeadRows.insertUser(db, acme, COACH, true);
        LeadRows.insertUser(db, acme, ASSISTANT, true);
        LeadRows.insertUser(db, other, "rival@other.example", true);
        app = LeadsApplication.start(LeadsConfig.from(Map.ofEntries(Map.entry("DATABASE_URL", db.jdbcUrl()),
                Map.entry("DATABASE_USER", "postgres"), Map.entry("LEADS_HTTP_PORT", "0"),
                Map.entry("LEADS_DEMO_DATA", "false"), Map.entry("LEADS_JOBS_WORKER", "false"),
                Map.entry("LEADS_PUBLIC_CAPTURE_ORG", "Acme Coaching"), Map.entry("LEADS_TRUSTED_PROXIES", "127.0.0.1/32"),
                Map.entry("LEADS_CORS_ORIGINS", ORIGIN)), new Properties()));
        client = new ContractClient(app.baseUrl()).withHeader("x-user-email", COACH);
        assistant = new ContractClient(app.baseUrl()).withHeader("x-user-email", ASSISTANT);
        rival = new ContractClient(app.baseUrl()).withHeader("x-user-email", "rival@other.example");
        anonymous = new ContractClient(app.baseUrl());
    }

    @AfterAll
    static void stop() {
        app.close();
        db.close();
    }

    static ContractClient.Exchange post(ContractClient as, String path, String json, String... headers) {
        return as.send("POST", path, json, true, ContractClient.jsonHeaders(headers));
    }

    static ContractClient.Exchange postInvalid(ContractClient as, String path, String json, String... headers) {
        return as.send("POST", path, json, false, ContractClient.jsonHeaders(headers));
    }


    /** A client address of its own, so that a test's captures count in a bucket no other test uses. */
    static String newClientAddress() {
        int n = CLIENTS.incrementAndGet();
        return "198.51.100." + n;
    }

    static ContractClient.Exchange capture(String clientAddress, String json) {
        return post(anonymous, "/crm/public/leads", json, "X-Forwarded-For", clientAddress, "User-Agent", "Mozilla/5.0 (intake test)");
    }

    static long count(String sql, Object... args) {
        return db.scalar(Long.class, sql, args);
    }

    static long written() {
        return count("SELECT (SELECT count(*) FROM leads) + (SELECT count(*) FROM lead_consents)"
                + " + (SELECT count(*) FROM lead_field_changes) + (SELECT count(*) FROM idempotency_keys)");
    }

    @Test
    void a_created_lead_is_in_the_list_with_its_consent_and_history() {
        long waitlistBefore = client.get("/leads?status=waitlist").json().get("total").asLong();

        ContractClient.Exchange created = post(client, "/leads", """
                {"email": "Ada@Example.com", "first_name": "Ada", "last_name": "Lovelace", "phone": "(415) 555-0123",
                 "tags": ["VIP", "fair 2026"], "source": "fair", "notes": "Call after 5",
                 "consents": {"email": {"status": "granted", "source": "fair", "text_version": "v2"}}}""");

        assertThat(created.status()).isEqualTo(201);
        String location = created.header("Location");
        JsonNode lead = client.get(location).json();
        assertThat(created.json()).isEqualTo(lead);
        assertThat(lead.get("status").asText()).isEqualTo("waitlist");
        assertThat(lead.get("phone").asText()).isEqualTo("+14155550123");
        assertThat(lead.get("tags").toString()).isEqualTo("[\"vip\",\"fair 2026\"]");
        assertThat(lead.get("consents").get("email").get("status").asText()).isEqualTo("granted");
        assertThat(lead.get("consents").get("sms").isNull()).isTrue();
        assertThat(lead.get("notes_updated_by").asText()).isEqualTo(COACH);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(client.get("/leads?status=waitlist").json().get("total").asLong()).isEqualTo(waitlistBefore + 1);
        assertThat(client.get("/leads?tag=vip").json().get("items").findValuesAsText("email")).contains("Ada@Example.com");
        JsonNode history = client.get(location + "/history").json().get("items");
        assertThat(history.findValuesAsText("field")).containsExactlyInAnyOrder("created", "consent_email");
        assertThat(client.get(location + "/consents").json().get("items").get(0).get("text_version").asText()).isEqualTo("v2");
        assertThat(rival.get(location).status()).isEqualTo(404);
    }

    @Test
    void twenty_concurrent_creates_of_one_email_give_one_201_and_nineteen_409() throws Exception {
        List<ContractClient.Exchange> answers = Concurrently.run(20,
                () -> post(client, "/leads", "{\"email\": \"race@example.com\", \"first_name\": \"Race\"}"));

        List<ContractClient.Exchange> created = answers.stream().filter(a -> a.status() == 201).toList();
        assertThat(created).hasSize(1);
        String id = created.get(0).json().get("id").asText();
        assertThat(answers).filteredOn(a -> a.status() == 409).hasSize(19).allSatisfy(a -> {
            JsonNode problem = a.assertProblem(409, "duplicate-lead");
            assertThat(problem.get("existing_id").asText()).isEqualTo(id);
            assertThat(problem.get("existing_url").asText()).isEqualTo("/leads/" + id);
        });
        assertThat(count("SELECT count(*) FROM leads WHERE lower(email) = 'race@example.com'")).isEqualTo(1);
    }

    @Test
    void a_retry_with_the_same_key_and_body_answers_the_first_response_and_creates_nothing() {
        String key = UUID.randomUUID().toString();
        String body = "{\"email\": \"retry@example.com\", \"first_name\": \"Retry\"}";
        ContractClient.Exchange first = post(client, "/leads", body, "Idempotency-Key", key);
        // The same object with its properties in another order is the same request.
        ContractClient.Exchange retry = post(client, "/leads", "{\"first_name\": \"Retry\", \"email\": \"retry@example.com\"}",
                "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(count("SELECT count(*) FROM leads WHERE email = 'retry@example.com'")).isEqualTo(1);

        // Without the key, the same body is a new request, and the email is now taken.
        post(client, "/leads", body).assertProblem(409, "duplicate-lead");
        // The same key with another body is refused; another user's same key is their own.
        postInvalid(client, "/leads", "{\"email\": \"other@example.com\"}", "Idempotency-Key", key)
                .assertProblem(422, "idempotency-key-reused");
        assertThat(post(assistant, "/leads", "{\"email\": \"assistant-own@example.com\"}", "Idempotency-Key", key).status())
                .isEqualTo(201);
        assertThat(post(rival, "/leads", body, "Idempotency-Key", key).status()).isEqualTo(201);
    }

    @Test
    void a_failed_request_does_not_keep_its_key() {
        String key = UUID.randomUUID().toString();
        postInvalid(client, "/leads", "{\"email\": \"fixed@example\"}", "Idempotency-Key", key)
                .assertProblem(400, "validation-failed");
        assertThat(count("SELECT count(*) FROM idempotency_keys WHERE key = ?", key)).isZero();

        ContractClient.Exchange fixed = post(client, "/leads", "{\"email\": \"fixed@example.com\"}", "Idempotency-Key", key);
        assertThat(fixed.status()).isEqualTo(201);
        assertThat(fixed.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void a_key_whose_first_request_is_still_running_is_409() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = "{\"email\": \"slow@example.com\"}";
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection locker = db.dataSource().getConnection()) {
            locker.setAutoCommit(false);
            try (Statement statement = locker.createStatement()) {
                // Holds back every insert into leads: the first request claims its key, then waits here.
                statement.execute("LOCK TABLE leads IN SHARE ROW EXCLUSIVE MODE");
            }
            Future<ContractClient.Exchange> first = pool.submit(() -> post(client, "/leads", body, "Idempotency-Key", key));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (count("SELECT count(*) FROM idempotency_keys WHERE key = ? AND state = 'running'", key) == 0) {
                assertThat(System.nanoTime()).as("the first request claims its key").isLessThan(deadline);
                Thread.sleep(20);
            }

            postInvalid(client, "/leads", body, "Idempotency-Key", key).assertProblem(409, "idempotency-key-in-use");

            locker.rollback();
            assertThat(first.get(10, TimeUnit.SECONDS).status()).isEqualTo(201);
        } finally {
            pool.shutdownNow();
        }
        assertThat(post(client, "/leads", body, "Idempotency-Key", key).header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void a_capture_makes_a_waitlist_lead_with_proof_and_a_known_email_only_fills_blanks() {
        String address = newClientAddress();
        ContractClient.Exchange fresh = capture(address, """
                {"email": "eve@example.com", "first_name": "Eve", "phone": "+44 20 7946 0958", "utm_source": "news",
                 "consent_version": "terms-3", "consent_email": true, "consent_sms": false}""");
        assertThat(fresh.status()).isEqualTo(202);
        UUID id = db.scalar(UUID.class, "SELECT id FROM leads WHERE org_id = ? AND email = 'eve@example.com'", acme);
        JsonNode lead = client.get("/leads/" + id).json();
        assertThat(lead.get("status").asText()).isEqualTo("waitlist");
        assertThat(lead.get("source").asText()).isEqualTo("waitlist-web");
        assertThat(lead.get("consents").get("email").get("status").asText()).isEqualTo("granted");
        assertThat(lead.get("consents").get("sms").isNull()).isTrue();
        JsonNode proof = client.get("/leads/" + id + "/consents").json().get("items").get(0);
        assertThat(proof.get("ip").asText()).isEqualTo(address);
        assertThat(proof.get("user_agent").asText()).isEqualTo("Mozilla/5.0 (intake test)");
        assertThat(proof.get("text_version").asText()).isEqualTo("terms-3");
        assertThat(proof.get("recorded_by").asText()).isEqualTo("public-capture");

        // The coach removes the phone; the same person signs up again with other details.
        send("PATCH", "/leads/" + id, "{\"phone\": null}");
        ContractClient.Exchange again = capture(address, """
                {"email": "EVE@example.com", "first_name": "Mallory", "last_name": "Smith", "phone": "+1 212 555 0100",
                 "consent_email_opt_in": false, "consent_sms_opt_in": true}""");

        assertThat(again.status()).isEqualTo(fresh.status());
        assertThat(again.body()).isEqualTo(fresh.body());
        JsonNode after = client.get("/leads/" + id).json();
        assertThat(after.get("first_name").asText()).isEqualTo("Eve");
        assertThat(after.get("last_name").asText()).isEqualTo("Smith");
        assertThat(after.get("phone").asText()).isEqualTo("+12125550100");
        assertThat(after.get("consents").get("email").get("status").asText()).isEqualTo("granted"); // false revokes nothing
        assertThat(after.get("consents").get("sms").get("status").asText()).isEqualTo("granted");
        JsonNode captured = null;
        for (JsonNode entry : client.get("/leads/" + id + "/history").json().get("items")) {
            captured = entry.get("field").asText().equals("captured") ? entry : captured;
        }
        assertThat(captured).as("a history entry saying the lead was captured again").isNotNull();
        assertThat(captured.get("new_value").toString()).isEqualTo("[\"last_name\",\"phone\"]");
        assertThat(count("SELECT count(*) FROM leads WHERE lower(email) = 'eve@example.com'")).isEqualTo(1);
    }

    @Test
    void twenty_concurrent_captures_of_one_new_email_give_one_lead_and_a_consent_per_flag_sent() throws Exception {
        String address = newClientAddress();
        List<ContractClient.Exchange> answers = Concurrently.run(20, () -> capture(address,
                "{\"email\": \"crowd@example.com\", \"consent_email\": true, \"consent_sms\": true}"));

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isIn(202, 429));
        long accepted = answers.stream().filter(a -> a.status() == 202).count();
        assertThat(accepted).isEqualTo(10); // the default limit per client address and minute
        assertThat(count("SELECT count(*) FROM leads WHERE lower(email) = 'crowd@example.com'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM lead_consents c JOIN leads l ON l.id = c.lead_id"
                + " WHERE lower(l.email) = 'crowd@example.com' AND c.channel = 'email'")).isEqualTo(accepted);
        assertThat(count("SELECT count(*) FROM lead_consents c JOIN leads l ON l.id = c.lead_id"
                + " WHERE lower(l.email) = 'crowd@example.com' AND c.channel = 'sms'")).isEqualTo(accepted);
    }

    @Test
    void a_client_over_the_limit_gets_429_with_retry_after_and_others_are_not_affected() {
        String address = newClientAddress();
        for (int i = 0; i < 10; i++) {
            assertThat(capture(address, "{\"email\": \"limit" + i + "@example.com\"}").status()).isEqualTo(202);
        }
        long before = written();
        ContractClient.Exchange limited = capture(address, "{\"email\": \"limit-over@example.com\"}");

        JsonNode problem = limited.assertProblem(429, "rate-limited");
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(problem.get("retry_after").asLong()).isEqualTo(retryAfter);
        assertThat(written()).isEqualTo(before);
        assertThat(capture(newClientAddress(), "{\"email\": \"limit-over@example.com\"}").status()).isEqualTo(202);
    }

    @Test
    void the_sign_up_page_may_call_capture_from_its_origin_and_no_other() {
        ContractClient.Exchange preflight = anonymous.send("OPTIONS", "/crm/public/leads", null, true, "Origin", ORIGIN,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type");
        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);

        ContractClient.Exchange actual = post(anonymous, "/crm/public/leads", "{\"email\": \"cors@example.com\"}",
                "Origin", ORIGIN, "X-Forwarded-For", newClientAddress());
        assertThat(actual.status()).isEqualTo(202);
        assertThat(actual.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);

        postInvalid(anonymous, "/crm/public/leads", "{\"email\": \"cors-evil@example.com\"}", "Origin", "https://evil.example",
                "X-Forwarded-For", newClientAddress()).assertProblem(403, "cross-origin-request-refused");
        assertThat(count("SELECT count(*) FROM leads WHERE email = 'cors-evil@example.com'")).isZero();
    }

    @Test
    void bad_input_is_a_4xx_problem_and_writes_nothing() {
        long before = written();
        List<String> creates = List.of(
                "{}",
                "{\"email\": \"no-at-sign\"}",
                "{\"email\": \"a@b.co\", \"first_name\": \"" + "x".repeat(101) + "\"}",
                "{\"email\": \"a@b.co\", \"source\": \"" + "s".repeat(201) + "\"}",
                "{\"email\": \"a@b.co\", \"last_name\": \"nul\\u0000here\"}",
                "{\"email\": \"a@b.co\", \"phone\": \"12\"}",
                "{\"email\": \"a@b.co\", \"tags\": [\"a;b\"]}",
                "{\"email\": \"a@b.co\", \"notes\": \"" + "n".repeat(10_001) + "\"}",
                "{\"email\": \"a@b.co\", \"consents\": {\"sms\": {\"status\": \"maybe\"}}}",
                "{\"email\": \"a@b.co\", \"status\": \"lost\"}",
                "{\"email\": [\"a@b.co\"]}");
        for (String body : creates) {
            ContractClient.Exchange answer = postInvalid(client, "/leads", body, "Idempotency-Key", UUID.randomUUID().toString());
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.errorFields()).as(body).isNotEmpty();
        }
        String address = newClientAddress();
        for (String body : List.of("{\"email\": \"bad\"}", "{\"email\": \"a@b.co\", \"consent_email\": \"yes\"}",
                "{\"email\": \"a@b.co\", \"utm_source\": \"tab\\there\"}", "{\"email\": \"a@b.co\", \"tags\": [\"x\"]}")) {
            assertThat(postInvalid(anonymous, "/crm/public/leads", body, "X-Forwarded-For", address).status()).as(body)
                    .isEqualTo(400);
        }
        String lead = "/leads/" + LeadRows.aLead().insert(db, acme);
        before = written();
        for (String body : List.of("{\"channel\": \"fax\", \"status\": \"granted\"}", "{\"channel\": \"sms\"}",
                "{\"channel\": \"sms\", \"status\": \"granted\", \"captured_at\": \"2999-01-01T00:00:00Z\"}",
                "{\"channel\": \"sms\", \"status\": \"granted\", \"source\": \"" + "s".repeat(201) + "\"}")) {
            assertThat(postInvalid(client, lead + "/consents", body).status()).as(body).isEqualTo(400);
        }
        assertThat(written()).isEqualTo(before);
    }

    @Test
    void a_recorded_consent_changes_the_detail_and_history_and_bumps_the_etag() {
        String lead = "/leads/" + LeadRows.aLead().insert(db, acme);
        post(client, lead + "/consents", "{\"channel\": \"email\", \"status\": \"granted\", \"source\": \"call\"}");

        ContractClient.Exchange revoked = post(client, lead + "/consents",
                "{\"channel\": \"email\", \"status\": \"revoked\", \"source\": \"call\", \"text_version\": \"v1\"}");

        assertThat(revoked.status()).isEqualTo(201);
        assertThat(revoked.header("ETag")).isEqualTo("\"3\"");
        JsonNode detail = client.get(lead).json();
        assertThat(detail.get("consents").get("email").get("status").asText()).isEqualTo("revoked");
        assertThat(detail.get("version").asLong()).isEqualTo(3);
        JsonNode change = client.get(lead + "/history").json().get("items").get(0);
        assertThat(change.get("field").asText()).isEqualTo("consent_email");
        assertThat(change.get("old_value").asText()).isEqualTo("granted");
        assertThat(change.get("new_value").asText()).isEqualTo("revoked");
        assertThat(change.get("changed_by").asText()).isEqualTo(COACH);
        assertThat(client.get(lead + "/consents?limit=1").json().get("total").asLong()).isEqualTo(2);

        postInvalid(rival, lead + "/consents", "{\"channel\": \"email\", \"status\": \"granted\"}").assertProblem(404,
                "lead-not-found");
        assertThat(rival.get(lead + "/consents").status()).isEqualTo(404);
    }

    static ContractClient.Exchange send(String method, String path, String json) {
        return client.send(method, path, json, true, "Content-Type", "application/json");
    }

}
