package com.coachintel.leads.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * NextAuth v4 session tokens, checked against tokens minted by next-auth 4.24.11 itself
 * ({@code fixtures/nextauth-v4-session.json}, a copy of {@code shared/fixtures/}): each behaves as labelled.
 */
class NextAuthSessionsTest {

    static final JsonNode FIXTURE = fixture();
    static final String SECRET = FIXTURE.get("secret").asText();
    static final NextAuthSessions SESSIONS = new NextAuthSessions(SECRET, Clock.systemUTC());

    static JsonNode fixture() {
        try (InputStream in = NextAuthSessionsTest.class.getResourceAsStream("/fixtures/nextauth-v4-session.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String token(String label) {
        return FIXTURE.get("tokens").get(label).get("token").asText();
    }

    @Test
    void hkdf_matches_rfc_5869_test_case_1() {
        byte[] okm = NextAuthSessions.hkdfSha256(HexFormat.of().parseHex("0b".repeat(22)),
                HexFormat.of().parseHex("000102030405060708090a0b0c"), HexFormat.of().parseHex("f0f1f2f3f4f5f6f7f8f9"), 42);
        assertThat(HexFormat.of().formatHex(okm)).isEqualTo(
                "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
    }

    @Test
    void valid_tokens_name_their_users() {
        assertThat(SESSIONS.email(token("valid_demo"))).isEqualTo("demo@coachintel.test");
        assertThat(SESSIONS.email(token("valid_other"))).isEqualTo("other@coachintel.test");
    }

    @Test
    void an_expired_token_is_refused_past_nextauths_clock_tolerance() {
        assertThatThrownBy(() -> SESSIONS.email(token("expired_demo")))
                .isInstanceOf(NextAuthSessions.InvalidSessionException.class).hasMessageContaining("expired");
        long exp = FIXTURE.get("tokens").get("valid_demo").get("exp").asLong();
        NextAuthSessions justAfter = new NextAuthSessions(SECRET, Clock.fixed(Instant.ofEpochSecond(exp + 10), ZoneOffset.UTC));
        assertThat(justAfter.email(token("valid_demo"))).isEqualTo("demo@coachintel.test");
        NextAuthSessions later = new NextAuthSessions(SECRET, Clock.fixed(Instant.ofEpochSecond(exp + 16), ZoneOffset.UTC));
        assertThatThrownBy(() -> later.email(token("valid_demo"))).hasMessageContaining("expired");
    }

    @Test
    void a_token_of_another_secret_a_tampered_one_and_garbage_are_refused() {
        assertThatThrownBy(() -> SESSIONS.email(token("wrong_secret_demo")))
                .isInstanceOf(NextAuthSessions.InvalidSessionException.class).hasMessageContaining("another NEXTAUTH_SECRET");
        String valid = token("valid_demo");
        String[] parts = valid.split("\\.");
        char flipped = parts[3].charAt(5) == 'A' ? 'B' : 'A';
        parts[3] = parts[3].substring(0, 5) + flipped + parts[3].substring(6);
        assertThatThrownBy(() -> SESSIONS.email(String.join(".", parts)))
                .isInstanceOf(NextAuthSessions.InvalidSessionException.class);
        for (String garbage : new String[] {"", "not-a-token", "a.b.c", "eyJhbGciOiJIUzI1NiJ9.e30.ZRrHA1JJJW8opsbCGfG_HACGpVUMN_a9IV7pAx_Zmeo"}) {
            assertThatThrownBy(() -> SESSIONS.email(garbage)).as(garbage)
                    .isInstanceOf(NextAuthSessions.InvalidSessionException.class);
        }
        assertThatThrownBy(() -> new NextAuthSessions("another-secret-entirely", Clock.systemUTC()).email(valid))
                .isInstanceOf(NextAuthSessions.InvalidSessionException.class);
    }
}
