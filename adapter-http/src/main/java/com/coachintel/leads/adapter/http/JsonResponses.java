package com.coachintel.leads.adapter.http;

import com.fasterxml.jackson.databind.ObjectWriter;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes response bodies as UTF-8 JSON bytes in one pass. Javalin's {@code ctx.json} builds a {@code String}
 * and then encodes it again; for a page of leads that second pass was the largest single cost in the
 * request profile (see docs/performance.md).
 *
 * <p>The bytes go straight to the response's stream (which compresses them when they are large enough) rather
 * than through {@code ctx.result}: Javalin copies a result through a newly allocated 32 KB buffer, and zeroing
 * that buffer was 2 % of a detail request's CPU. Every caller sends last, after its headers, so nothing needs
 * the result to stay replaceable.
 */
final class JsonResponses {

    private static final ObjectWriter WRITER = JsonMapping.MAPPER.writer();

    private JsonResponses() {
    }

    static void send(Context ctx, Object body) {
        send(ctx, body, MediaTypes.JSON);
    }

    /** The body as the UTF-8 JSON bytes {@link #send} writes. */
    static byte[] bytes(Object body) {
        try {
            return WRITER.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes bytes already serialized. */
    static void sendBytes(Context ctx, byte[] json, String contentType) {
        try {
            ctx.contentType(contentType).outputStream().write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void send(Context ctx, Object body, String contentType) {
        try {
            byte[] json = WRITER.writeValueAsBytes(body);
            ctx.contentType(contentType).outputStream().write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
