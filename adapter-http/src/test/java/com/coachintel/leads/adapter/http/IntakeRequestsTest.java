package com.coachintel.leads.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachintel.leads.domain.ConsentChannel;
import com.coachintel.leads.domain.ConsentStatus;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the intake endpoints read bodies and headers and what they refuse; use cases faked, the commands' rules real. */
class IntakeRequestsTest {

    static final FakeUseCases FAKES = new FakeUseCases();
    static final String ORIGIN = "https://app.example.com";
    static HttpApi api;
    static ContractClient client;
    static ContractClient anonymous;

    @BeforeAll
    static void start() {
        api = new HttpApi(new HttpSettings("127.0.0.1", 0, Optional.empty(), Set.of(ORIGIN), List.of(Cidr.parse("127.0.0.1"))),
                FAKES.useCases()).start();
        client = new ContractClient(api.baseUrl()).withHeader("x-user-email", FakeUseCases.ACTIVE);
        anonymous = new ContractClient(api.baseUrl());
    }

    @AfterAll
    static void stop() {
        api.stop();
    }

    static ContractClient.Exchange post(ContractClient as, String path, String body, boolean valid, String... headers) {
        return as.send("POST", path, body, valid, LeadWriteRequestsTest.withJson(headers));
    }

    @Test
    void a_create_answers_201_with_location_etag_and_the_lead() {
        ContractClient.Exchange response = post(client, "/leads", """
                {"email": " ada@example.com ", "first_name": "Ada", "tags": ["VIP"], "phone": "(415) 555-0100",
                 "consents": {"email": {"status": "granted", "source": "fair", "text_version": "v2"}}}""", true);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("Location")).isEqualTo("/leads/" + FakeUseCases.LEAD.id());
        assertThat(response.header("ETag")).isEqualTo("\"3\"");
        assertThat(response.json().get("id").asText()).isEqualTo(FakeUseCases.LEAD.id().toString());
        assertThat(FAKES.lastNewLead.get().email().value()).isEqualTo("ada@example.com");
        assertThat(FAKES.lastNewLead.get().profile().phone().e164()).isEqualTo("+14155550100");
        assertThat(FAKES.lastNewLead.get().consents()).singleElement().satisfies(entry -> {
            assertThat(entry.channel()).isEqualTo(ConsentChannel.EMAIL);
            assertThat(entry.textVersion()).isEqualTo("v2");
        });
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"email\": \"a@b.co\", \"status\": \"lost\"}|status|is not a property of this request",
        "{\"email\": \"a@b.co\", \"consents\": {\"fax\": {}}}|consents.fax|is not a property of this request; accepted: email, sms",
        "{\"email\": \"a@b.co\", \"consents\": {\"email\": {\"status\": \"granted\", \"why\": 1}}}|consents.email.why|is not a property",
        "{\"email\": 42}|email|must be a string, got a number",
        "{\"email\": \"a@b.co\", \"tags\": \"vip\"}|tags|must be an array, got a string",
        "{\"email\": \"a@b.co\", \"tags\": [\"ok\", 7]}|tags[1]|must be a string, got a number",
        "{\"email\": \"a@b.co\", \"first_name\": true}|first_name|must be a string, got a boolean",
        "{\"email\": \"a@b.co\", \"consents\": {\"email\": \"granted\"}}|consents.email|must be an object, got a string",
        "{\"email\": \"a@b.co\", \"email\": \"c@d.co\"}|email|is given more than once",
        "{\"email\": \"a@b.co\"} []|body|is not valid JSON",
        "{\"email\": |body|is not valid JSON",
        "[]|body|must be a JSON object",
    })
    void a_create_body_of_the_wrong_shape_is_400_naming_the_property(String body, String field, String message) {
        ContractClient.Exchange response = post(client, "/leads", body, false);

        JsonNode problem = response.assertProblem(400, "validation-failed");
        assertThat(response.errorFields()).containsExactly(field);
        assertThat(problem.get("errors").get(0).get("message").asText()).contains(message);
    }

    @Test
    void the_commands_violations_are_named_in_the_apis_words() {
        ContractClient.Exchange response = post(client, "/leads", """
                {"email": "nope", "first_name": "%s", "utm_campaign": "a\\tb", "phone": "12", "tags": ["ok", "a;b"],
                 "consents": {"email": {"status": "maybe", "text_version": "%s"}}}"""
                .formatted("x".repeat(101), "v".repeat(201)), false);

        response.assertProblem(400, "validation-failed");
        assertThat(response.errorFields()).containsExactlyInAnyOrder("email", "first_name", "utm_campaign", "phone", "tags[1]",
                "consents.email.status", "consents.email.text_version");
        assertThat(response.json().get("detail").asText()).contains("first_name: must be at most 100 characters");
    }

    @Test
    void a_known_email_is_409_naming_the_existing_lead() {
        JsonNode problem = post(client, "/leads", "{\"email\": \"" + FakeUseCases.TAKEN + "\"}", true)
                .assertProblem(409, "duplicate-lead");
        assertThat(problem.get("existing_id").asText()).isEqualTo(FakeUseCases.LEAD.id().toString());
        assertThat(problem.get("existing_url").asText()).isEqualTo("/leads/" + FakeUseCases.LEAD.id());
    }

    @Test
    void a_create_needs_a_json_body_and_a_well_formed_idempotency_key() {
        assertThat(client.send("POST", "/leads", "email=a@b.co", false, "Content-Type", "application/x-www-form-urlencoded")
                .assertProblem(415, "unsupported-media-type")).isNotNull();
        ContractClient.Exchange badKey = post(client, "/leads", "{\"email\": \"a@b.co\"}", false, "Idempotency-Key", "has space");
        badKey.assertProblem(400, "validation-failed");
        assertThat(badKey.errorFields()).containsExactly("Idempotency-Key");
        assertThat(post(client, "/leads", "{}", false).errorFields()).containsExactly("email");
    }

    @Test
    void a_capture_answers_202_received_and_reads_both_spellings_of_the_flags() {
        ContractClient.Exchange browser = post(anonymous, "/crm/public/leads", """
                {"email": "eve@example.com", "first_name": "Eve", "source": "landing", "consent_email": true,
                 "consent_sms": false}""", true, "User-Agent", "Mozilla/5.0 (test)");
        assertThat(browser.status()).isEqualTo(202);
        assertThat(browser.json().toString()).isEqualTo("{\"status\":\"received\"}");
        assertThat(FAKES.lastCapture.get().consentEmail()).isTrue();
        assertThat(FAKES.lastCapture.get().consentSms()).isFalse();
        assertThat(FAKES.lastCapture.get().userAgent()).isEqualTo("Mozilla/5.0 (test)");

        ContractClient.Exchange route = post(anonymous, "/crm/public/leads", """
                {"email": "eve@example.com", "consent_email_opt_in": false, "consent_sms_opt_in": true,
                 "consent_version": "terms-3"}""", true);
        assertThat(route.status()).isEqualTo(202);
        assertThat(FAKES.lastCapture.get().consentEmail()).isFalse();
        assertThat(FAKES.lastCapture.get().consentSms()).isTrue();
        assertThat(FAKES.lastCapture.get().consentVersion()).isEqualTo("terms-3");
    }

    @Test
    void a_capture_refuses_contradicting_flags_strings_for_booleans_and_large_bodies() {
        ContractClient.Exchange contradicting = post(anonymous, "/crm/public/leads",
                "{\"email\": \"eve@example.com\", \"consent_email\": true, \"consent_email_opt_in\": false}", false);
        contradicting.assertProblem(400, "validation-failed");
        assertThat(contradicting.errorFields()).containsExactly("consent_email");

        ContractClient.Exchange stringly = post(anonymous, "/crm/public/leads",
                "{\"email\": \"eve@example.com\", \"consent_sms\": \"yes\"}", false);
        assertThat(stringly.errorFields()).containsExactly("consent_sms");
        assertThat(stringly.json().get("errors").get(0).get("message").asText()).isEqualTo("must be true or false, got a string");

        ContractClient.Exchange named = post(anonymous, "/crm/public/leads",
                "{\"email\": \"eve@example.com\", \"consent_version\": \"" + "v".repeat(201) + "\"}", false);
        assertThat(named.errorFields()).containsExactly("consent_version");

        String large = "{\"email\": \"eve@example.com\", \"first_name\": \"" + "x".repeat(17_000) + "\"}";
        post(anonymous, "/crm/public/leads", large, false).assertProblem(413, "content-too-large");
    }

    @Test
    void the_client_address_is_the_socket_or_behind_a_trusted_proxy_the_last_untrusted_hop() {
        post(anonymous, "/crm/public/leads", "{\"email\": \"eve@example.com\"}", true);
        assertThat(FAKES.lastCapture.get().clientIp()).isEqualTo("127.0.0.1");

        // 127.0.0.1 is a trusted proxy here: the right-most address it was not itself is the client.
        post(anonymous, "/crm/public/leads", "{\"email\": \"eve@example.com\"}", true,
                "X-Forwarded-For", "198.51.100.9, 203.0.113.7, 127.0.0.1");
        assertThat(FAKES.lastCapture.get().clientIp()).isEqualTo("203.0.113.7");
        post(anonymous, "/crm/public/leads", "{\"email\": \"eve@example.com\"}", true,
                "X-Forwarded-For", "evil.example, 2001:db8::7");
        assertThat(FAKES.lastCapture.get().clientIp()).isEqualTo("2001:db8:0:0:0:0:0:7");
    }

    @Test
    void a_preflight_from_an_allowed_origin_is_granted_and_any_other_refused() {
        ContractClient.Exchange granted = anonymous.send("OPTIONS", "/crm/public/leads", null, true, "Origin", ORIGIN,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type");
        assertThat(granted.status()).isEqualTo(204);
        assertThat(granted.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
        assertThat(granted.header("Access-Control-Allow-Methods")).isEqualTo("GET, POST, PATCH");
        assertThat(granted.header("Access-Control-Allow-Credentials")).isEqualTo("true");

        ContractClient.Exchange otherSite = anonymous.send("OPTIONS", "/crm/public/leads", null, false, "Origin",
                "https://evil.example", "Access-Control-Request-Method", "POST");
        otherSite.assertProblem(403, "cross-origin-request-refused");
        assertThat(otherSite.header("Access-Control-Allow-Origin")).isNull();
        ContractClient.Exchange extraHeader = anonymous.send("OPTIONS", "/crm/public/leads", null, false, "Origin", ORIGIN,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type, x-user-email");
        assertThat(extraHeader.assertProblem(403, "cross-origin-request-refused").get("errors").get(0).get("field").asText())
                .isEqualTo("Access-Control-Request-Headers");
    }

    @Test
    void an_actual_request_from_an_allowed_origin_is_readable_and_from_another_refused() {
        ContractClient.Exchange allowed = post(anonymous, "/crm/public/leads", "{\"email\": \"eve@example.com\"}", true,
                "Origin", ORIGIN);
        assertThat(allowed.status()).isEqualTo(202);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
        ContractClient.Exchange invalid = post(anonymous, "/crm/public/leads", "{\"email\": \"nope\"}", false, "Origin", ORIGIN);
        invalid.assertProblem(400, "validation-failed");
        assertThat(invalid.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN); // the page can read the detail

        FAKES.lastCapture.set(null);
        post(anonymous, "/crm/public/leads", "{\"email\": \"eve@example.com\"}", false, "Origin", "https://evil.example")
                .assertProblem(403, "cross-origin-request-refused");
        assertThat(FAKES.lastCapture.get()).isNull();
    }

    @Test
    void capture_is_404_when_no_capture_org_is_configured() {
        FakeUseCases fakes = new FakeUseCases();
        HttpApi.UseCases all = fakes.useCases();
        HttpApi.UseCases off = new HttpApi.UseCases(all.health(), all.authenticate(), all.reads(), all.changes(),
                all.exports(), all.intake().withoutCapture(), all.messages());
        HttpApi noCapture = new HttpApi(new HttpSettings("127.0.0.1", 0), off).start();
        try {
            ContractClient.Exchange response = post(new ContractClient(noCapture.baseUrl()), "/crm/public/leads",
                    "{\"email\": \"eve@example.com\"}", true);
            assertThat(response.assertProblem(404, "not-found").get("detail").asText()).contains("not enabled");
        } finally {
            noCapture.stop();
        }
    }

    @Test
    void capture_needs_no_proxy_secret_where_every_leads_route_does() {
        HttpApi guarded = new HttpApi(new HttpSettings("127.0.0.1", 0, Optional.of("a-proxy-secret-of-some-length")),
                new FakeUseCases().useCases()).start();
        try {
            ContractClient browser = new ContractClient(guarded.baseUrl());
            assertThat(post(browser, "/crm/public/leads", "{\"email\": \"eve@example.com\"}", true).status()).isEqualTo(202);
            post(browser.withHeader("x-user-email", FakeUseCases.ACTIVE), "/leads", "{\"email\": \"a@b.co\"}", false)
                    .assertProblem(401, "proxy-authentication-required");
        } finally {
            guarded.stop();
        }
    }

    @Test
    void a_consent_is_recorded_with_201_and_the_leads_new_etag() {
        String path = "/leads/" + FakeUseCases.LEAD.id() + "/consents";
        ContractClient.Exchange response = post(client, path,
                "{\"channel\": \"sms\", \"status\": \"revoked\", \"source\": \"phone-call\", \"captured_at\": \"2026-11-29T10:00:00+01:00\"}",
                true);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("ETag")).isEqualTo("\"4\"");
        assertThat(response.json().get("status").asText()).isEqualTo("revoked");
        assertThat(response.json().get("recorded_by").asText()).isEqualTo(FakeUseCases.ACTIVE);
        assertThat(FAKES.lastConsent.get().status()).isEqualTo(ConsentStatus.REVOKED);
        assertThat(FAKES.lastConsent.get().capturedAt()).isEqualTo(java.time.Instant.parse("2026-11-29T09:00:00Z"));

        ContractClient.Exchange bad = post(client, path, "{\"channel\": \"fax\", \"status\": \"granted\", \"captured_at\": \"yesterday\"}",
                false);
        assertThat(bad.assertProblem(400, "validation-failed")).isNotNull();
        assertThat(bad.errorFields()).containsExactly("captured_at");
        ContractClient.Exchange future = post(client, path, "{\"channel\": \"fax\", \"status\": \"granted\", \"captured_at\": \"2099-01-01T00:00:00Z\"}",
                false);
        assertThat(future.errorFields()).containsExactlyInAnyOrder("channel", "captured_at");
        assertThat(post(client, "/leads/" + java.util.UUID.randomUUID() + "/consents",
                "{\"channel\": \"sms\", \"status\": \"granted\"}", true).status()).isEqualTo(404);
    }

    @Test
    void the_ledger_is_listed_as_a_page() {
        ContractClient.Exchange response = client.get("/leads/" + FakeUseCases.LEAD.id() + "/consents?limit=5");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("total").asLong()).isEqualTo(1);
        assertThat(response.json().get("items").get(0).get("ip").asText()).isEqualTo("203.0.113.7");
        assertThat(client.getInvalid("/leads/" + FakeUseCases.LEAD.id() + "/consents?limit=0").errorFields())
                .containsExactly("limit");
    }

    @Test
    void intake_routes_of_leads_need_authentication_but_capture_does_not() {
        post(anonymous, "/leads", "{\"email\": \"a@b.co\"}", false).assertProblem(401, "authentication-required");
        assertThat(post(anonymous, "/crm/public/leads", "{\"email\": \"a@b.co\"}", true).status()).isEqualTo(202);
    }
}
