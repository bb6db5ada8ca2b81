package com.coachintel.leads.adapter.http;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every response carries {@code x-request-id}: the caller's own when it sent a sane one (so a trace
 * crosses the Next.js proxy), a new UUID otherwise.
 */
final class RequestIds {

    static final String HEADER = "x-request-id";
    private static final String ATTRIBUTE = "leads.requestId";
    // Echoing arbitrary header text into logs and responses invites log forging; keep to a safe alphabet.
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    static void assign(Context ctx) {
        String offered = ctx.header(HEADER);
        String id = offered != null && SAFE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
    }

    static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        if (id == null) {
            assign(ctx);
            id = ctx.attribute(ATTRIBUTE);
        }
        return id;
    }
}
