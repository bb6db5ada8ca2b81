package com.coachintel.leads.bootstrap;

import static com.coachintel.leads.adapter.persistence.LeadRows.aLead;
import static org.assertj.core.api.Assertions.assertThat;

import com.coachintel.leads.adapter.http.ContractClient;
import com.coachintel.leads.adapter.persistence.LeadRows;
import com.coachintel.leads.adapter.persistence.TestDatabase;
import com.coachintel.leads.adapter.persistence.TestPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who the caller is, case by case, over the real wiring: NextAuth session tokens minted by next-auth 4.24.11 (the
 * shared fixture) as cookie, split cookie and bearer; x-user-email with and without the proxy secret, from a trusted
 * proxy address and not; CSRF for cookie writes; and CORS with credentials for an allowed origin only.
 */
class LeadsSessionAuthTest {

    static final String PROXY_SECRET = "a-proxy-secret-for-the-session-tests";
    static final String ORIGIN = "https://app.coachintel.example";
    static final JsonNode FIXTURE = fixture();
    static TestDatabase db;
    static LeadsApplication guarded;      // NextAuth + proxy secret, no trusted proxies
    static LeadsApplication behindProxy;  // NextAuth, 127.0.0.1 trusted as a proxy, no proxy secret
    static LeadsApplication sessionsOnly; // NextAuth alone: x-user-email is never believed
    static String demoLead;
    static String otherLead;

    static JsonNode fixture() {
        try (InputStream in = LeadsSessionAuthTest.class.getResourceAsStream("/fixtures/nextauth-v4-session.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String token(String label) {
        return FIXTURE.get("tokens").get(label).get("token").asText();
    }

    static LeadsApplication start(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of("DATABASE_URL", db.jdbcUrl(), "DATABASE_USER", "postgres",
                "LEADS_HTTP_HOST", "127.0.0.1", "LEADS_HTTP_PORT", "0", "LEADS_DEMO_DATA", "false", "LEADS_JOBS_WORKER", "false",
                "LEADS_NEXTAUTH_SECRET", FIXTURE.get("secret").asText(), "LEADS_CORS_ORIGINS", ORIGIN));
        env.putAll(extra);
        return LeadsApplication.start(LeadsConfig.from(env, new Properties()));
    }

    @BeforeAll
    static void startAll() {
        db = TestPostgres.freshDatabase();
        UUID demo = LeadRows.insertOrg(db, "Demo Coaching");
        UUID other = LeadRows.insertOrg(db, "Other Coaching");
        LeadRows.insertUser(db, demo, "demo@coachintel.test", true);
        LeadRows.insertUser(db, other, "other@coachintel.test", true);
        demoLead = "/leads/" + aLead().insert(db, demo);
        otherLead = "/leads/" + aLead().insert(db, other);
        guarded = start(Map.of("LEADS_PROXY_SECRET", PROXY_SECRET));
        behindProxy = start(Map.of("LEADS_TRUSTED_PROXIES", "127.0.0.1/32"));
        sessionsOnly = start(Map.of());
    }

    @AfterAll
    static void stopAll() {
        for (LeadsApplication app : List.of(guarded, behindProxy, sessionsOnly)) {
            app.close();
        }
        db.close();
    }

    static ContractClient client(LeadsApplication app) {
        return new ContractClient(app.baseUrl());
    }

    static ContractClient.Exchange get(LeadsApplication app, String path, boolean valid, String... headers) {
        return client(app).send("GET", path, null, valid, headers);
    }

    @Test
    void a_session_cookie_bearer_or_secure_cookie_authenticates_as_its_user() {
        assertThat(get(guarded, demoLead, true, "Cookie", "next-auth.session-token=" + token("valid_demo")).status())
                .isEqualTo(200);
        assertThat(get(guarded, demoLead, true, "Authorization", "Bearer " + token("valid_demo")).status()).isEqualTo(200);
        assertThat(get(guarded, demoLead, false, "Cookie", "__Secure-next-auth.session-token=" + token("valid_demo"))
                .status()).isEqualTo(200);
        // The other user's token sees the other org only.
        assertThat(get(guarded, otherLead, true, "Cookie", "next-auth.session-token=" + token("valid_other")).status())
                .isEqualTo(200);
        get(guarded, demoLead, true, "Cookie", "next-auth.session-token=" + token("valid_other"))
                .assertProblem(404, "lead-not-found");
    }

    @Test
    void a_cookie_split_into_chunks_is_reassembled() {
        String whole = token("valid_demo");
        String cookie = "next-auth.session-token.0=" + whole.substring(0, 100) + "; next-auth.session-token.1="
                + whole.substring(100, 200) + "; next-auth.session-token.2=" + whole.substring(200);
        assertThat(get(guarded, demoLead, false, "Cookie", cookie).status()).isEqualTo(200);
    }

    @Test
    void a_bad_session_is_401_with_no_fallback_to_the_headers() {
        String valid = token("valid_demo");
        String tampered = valid.substring(0, valid.length() - 3) + (valid.endsWith("A") ? "BBB" : "AAA");
        for (String bad : new String[] {token("expired_demo"), token("wrong_secret_demo"), tampered}) {
            // Even with a header the server would otherwise believe.
            get(guarded, demoLead, false, "Cookie", "next-auth.session-token=" + bad, "x-user-email", "demo@coachintel.test",
                    "x-proxy-secret", PROXY_SECRET).assertProblem(401, "session-invalid");
        }
        assertThat(get(guarded, demoLead, false, "Authorization", "Bearer " + token("expired_demo"))
                .assertProblem(401, "session-invalid").get("detail").asText()).contains("expired");
    }

    @Test
    void a_session_and_an_x_user_email_must_name_the_same_user() {
        get(guarded, otherLead, false, "Cookie", "next-auth.session-token=" + token("valid_demo"), "x-user-email",
                "other@coachintel.test", "x-proxy-secret", PROXY_SECRET).assertProblem(401, "caller-mismatch");
        assertThat(get(guarded, demoLead, true, "Cookie", "next-auth.session-token=" + token("valid_demo"), "x-user-email",
                " Demo@CoachIntel.test ").status()).isEqualTo(200);
    }

    @Test
    void x_user_email_is_believed_with_the_proxy_secret_or_from_a_trusted_proxy_and_not_otherwise() {
        assertThat(get(guarded, demoLead, true, "x-user-email", "demo@coachintel.test", "x-proxy-secret", PROXY_SECRET)
                .status()).isEqualTo(200);
        get(guarded, demoLead, false, "x-user-email", "demo@coachintel.test")
                .assertProblem(401, "proxy-authentication-required");
        get(guarded, demoLead, false, "x-user-email", "demo@coachintel.test", "x-proxy-secret", "wrong")
                .assertProblem(401, "proxy-authentication-required");
        // 127.0.0.1 is the Next.js server here: CoachIntel's status, notes and events routes forward x-user-email alone.
        assertThat(get(behindProxy, demoLead, true, "x-user-email", "demo@coachintel.test").status()).isEqualTo(200);
        // Neither secret nor trusted address: a session is the only way in.
        assertThat(get(sessionsOnly, demoLead, false, "x-user-email", "demo@coachintel.test")
                .assertProblem(401, "proxy-authentication-required").get("detail").asText()).contains("NextAuth session");
        assertThat(get(sessionsOnly, demoLead, true, "Cookie", "next-auth.session-token=" + token("valid_demo")).status())
                .isEqualTo(200);
    }

    @Test
    void a_cookie_write_needs_json_and_an_allowed_or_own_origin() {
        String cookie = "next-auth.session-token=" + token("valid_demo");
        ContractClient api = client(guarded);
        api.send("PATCH", demoLead, "{\"phone\": \"\"}", false, "Cookie", cookie, "Content-Type", "text/plain")
                .assertProblem(403, "cross-site-request-refused");
        ContractClient.Exchange foreign = api.send("PATCH", demoLead, "{\"phone\": \"\"}", false, "Cookie", cookie,
                "Content-Type", "application/json", "Origin", "https://evil.example");
        assertThat(foreign.assertProblem(403, "cross-site-request-refused").get("errors").get(0).get("field").asText())
                .isEqualTo("Origin");
        assertThat(api.send("PATCH", demoLead, "{\"phone\": \"\"}", true, "Cookie", cookie, "Content-Type", "application/json",
                "Origin", ORIGIN).status()).isEqualTo(200);
        String own = guarded.baseUrl();
        assertThat(api.send("PATCH", demoLead, "{\"phone\": \"\"}", true, "Cookie", cookie, "Content-Type", "application/json",
                "Origin", own).status()).isEqualTo(200);
        // A bearer token is not sent by the browser on its own: no CSRF check.
        assertThat(api.send("PATCH", demoLead, "{\"phone\": \"\"}", true, "Authorization", "Bearer " + token("valid_demo"),
                "Content-Type", "application/json", "Origin", "https://evil.example").status()).isEqualTo(200);
    }

    @Test
    void cors_grants_an_allowed_origin_with_credentials_and_nothing_to_another() {
        ContractClient api = client(guarded);
        ContractClient.Exchange preflight = api.outsideContract("OPTIONS", demoLead, "Origin", ORIGIN,
                "Access-Control-Request-Method", "PATCH", "Access-Control-Request-Headers", "content-type, if-match, idempotency-key");
        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(preflight.header("Access-Control-Allow-Headers")).contains("If-Match", "Idempotency-Key");
        api.outsideContract("OPTIONS", demoLead, "Origin", "https://evil.example", "Access-Control-Request-Method", "PATCH")
                .assertProblem(403, "cross-origin-request-refused");

        ContractClient.Exchange allowed = get(guarded, demoLead + "/events", true, "Cookie",
                "next-auth.session-token=" + token("valid_demo"), "Origin", ORIGIN);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
        assertThat(allowed.header("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(allowed.header("Access-Control-Expose-Headers")).contains("ETag", "Location", "Content-Disposition",
                "X-Total-Count", "Link");
        ContractClient.Exchange other = get(guarded, demoLead, true, "Cookie", "next-auth.session-token=" + token("valid_demo"),
                "Origin", "https://evil.example");
        assertThat(other.header("Access-Control-Allow-Origin")).isNull();
        // Unknown routes keep their 404.
        assertThat(api.outsideContract("GET", "/nope").status()).isEqualTo(404);
    }
}
