package com.coachintel.leads.adapter.http;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.crypto.DirectDecrypter;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies NextAuth v4 session tokens, as {@code next-auth/jwt}'s {@code decode} does: a JWE with {@code alg dir} and
 * {@code enc A256GCM}, under the key HKDF-SHA256(secret, empty salt, info "NextAuth.js Generated Encryption Key",
 * 32 bytes). Decryption, the authentication tag and the header are nimbus-jose-jwt's; this class derives the key
 * (HKDF over the JDK's HMAC-SHA256, RFC 5869) and checks the claims this API relies on: {@code exp}, with NextAuth's
 * own 15 s of clock tolerance, and {@code email}.
 */
final class NextAuthSessions {

    /** NextAuth v4's {@code jwtDecrypt} clock tolerance. */
    static final Duration CLOCK_TOLERANCE = Duration.ofSeconds(15);
    private static final byte[] INFO = "NextAuth.js Generated Encryption Key".getBytes(StandardCharsets.UTF_8);

    private final DirectDecrypter decrypter;
    private final Clock clock;

    NextAuthSessions(String secret, Clock clock) {
        Objects.requireNonNull(secret, "secret");
        this.clock = Objects.requireNonNull(clock, "clock");
        try {
            this.decrypter = new DirectDecrypter(new SecretKeySpec(hkdfSha256(secret.getBytes(StandardCharsets.UTF_8),
                    new byte[0], INFO, 32), "AES"));
        } catch (JOSEException e) {
            throw new IllegalStateException("a 32-byte key is an AES-256 key", e);
        }
    }

    /**
     * The session's email.
     *
     * @throws InvalidSessionException when the token is not a JWE of this secret, has expired, or names no email
     */
    String email(String token) {
        Map<String, Object> claims;
        try {
            JWEObject jwe = JWEObject.parse(token);
            JWEHeader header = jwe.getHeader();
            if (!JWEAlgorithm.DIR.equals(header.getAlgorithm()) || !EncryptionMethod.A256GCM.equals(header.getEncryptionMethod())) {
                throw new InvalidSessionException("the session token is not a NextAuth session (dir, A256GCM)");
            }
            jwe.decrypt(decrypter);
            claims = jwe.getPayload().toJSONObject();
        } catch (ParseException | JOSEException | IllegalStateException e) {
            throw new InvalidSessionException("the session token is not valid for this server: it is malformed, tampered"
                    + " with, or made with another NEXTAUTH_SECRET");
        }
        if (claims == null) {
            throw new InvalidSessionException("the session token carries no claims");
        }
        Object exp = claims.get("exp");
        if (!(exp instanceof Number seconds)) {
            throw new InvalidSessionException("the session token has no expiry");
        }
        if (Instant.ofEpochSecond(seconds.longValue()).plus(CLOCK_TOLERANCE).isBefore(clock.instant())) {
            throw new InvalidSessionException("the session has expired: sign in again");
        }
        Object email = claims.get("email");
        if (!(email instanceof String text) || text.isBlank()) {
            throw new InvalidSessionException("the session names no email");
        }
        return text;
    }

    /** HKDF-SHA256 (RFC 5869): extract with {@code salt} (zeros when empty), then expand with {@code info}. */
    static byte[] hkdfSha256(byte[] inputKeyMaterial, byte[] salt, byte[] info, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt.length == 0 ? new byte[32] : salt, "HmacSHA256"));
            byte[] pseudoRandomKey = mac.doFinal(inputKeyMaterial);
            mac.init(new SecretKeySpec(pseudoRandomKey, "HmacSHA256"));
            byte[] output = new byte[length];
            byte[] block = new byte[0];
            for (int filled = 0, counter = 1; filled < length; counter++) {
                mac.update(block);
                mac.update(info);
                mac.update((byte) counter);
                block = mac.doFinal();
                int take = Math.min(block.length, length - filled);
                System.arraycopy(block, 0, output, filled, take);
                filled += take;
            }
            return output;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    /** The request's session token does not authenticate it; the message says why (never the token). */
    static final class InvalidSessionException extends HttpRefusal {
        InvalidSessionException(String message) {
            super("session-invalid", 401, message);
        }
    }
}
