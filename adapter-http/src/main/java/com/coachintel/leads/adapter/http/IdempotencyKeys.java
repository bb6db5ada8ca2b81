package com.coachintel.leads.adapter.http;

import com.coachintel.leads.domain.ValidationException;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.http.Context;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** The {@code Idempotency-Key} request header, and the fingerprint that tells a retry from another request. */
final class IdempotencyKeys {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    static final int MAX_LENGTH = 255;

    private IdempotencyKeys() {
    }

    /** The key, if the request sent one: 1 to 255 visible ASCII characters (a UUID is the usual choice). */
    static Optional<String> of(Context ctx) {
        String key = ctx.header(HEADER);
        if (key == null) {
            return Optional.empty();
        }
        boolean visibleAscii = !key.isEmpty() && key.length() <= MAX_LENGTH && key.chars().allMatch(c -> c > 0x20 && c < 0x7F);
        if (!visibleAscii) {
            throw ValidationException.of(HEADER, "must be 1 to " + MAX_LENGTH + " visible ASCII characters, such as a UUID");
        }
        return Optional.of(key);
    }

    /**
     * A SHA-256 digest of the body's JSON with its properties in sorted order, so that a retry that serialises the
     * same object in another key order is the same request; a body that is not JSON is digested as its bytes.
     */
    static String fingerprint(byte[] body) {
        byte[] canonical = body;
        try {
            Object value = JsonMapping.MAPPER.readValue(body, Object.class);
            canonical = JsonMapping.MAPPER.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writeValueAsBytes(value);
        } catch (IOException | RuntimeException e) {
            // not JSON: the request will fail validation and its key be released; the raw bytes serve
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
