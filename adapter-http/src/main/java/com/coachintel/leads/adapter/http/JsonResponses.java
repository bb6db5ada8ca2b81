package com.coachintel.leads.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.javalin.http.Context;
import java.io.UncheckedIOException;

/**
 * Writes response bodies as UTF-8 JSON bytes in one pass. Javalin's {@code ctx.json} builds a {@code String}
 * and then encodes it again; for a page of leads that second pass was the largest single cost in the
 * request profile (see docs/performance.md).
 */
final class JsonResponses {

    private static final ObjectWriter WRITER = JsonMapping.objectMapper().writer();

    private JsonResponses() {
    }

    static void send(Context ctx, Object body) {
        send(ctx, body, MediaTypes.JSON);
    }

    static void send(Context ctx, Object body, String contentType) {
        try {
            ctx.contentType(contentType).result(WRITER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
