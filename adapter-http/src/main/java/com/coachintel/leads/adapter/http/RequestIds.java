package com.coachintel.leads.adapter.http;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Every response carries {@code x-request-id}: the caller's own when it sent a sane one (so a trace
 * crosses the Next.js proxy), a new UUID otherwise. While the request is handled the id is also in the logging MDC
 * as {@code request_id}, so that every line logged for it carries it; {@link #clear} ends that.
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
        String id = offered != null && SAFE.matcher(offered).matches() ? offered : randomUuid().toString();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
        MDC.put(MDC_KEY, id);
    }

    /** The MDC key of the request id. */
    static final String MDC_KEY = "request_id";

    /** Ends the request's id in the MDC of the thread that handled it. */
    static void clear() {
        MDC.remove(MDC_KEY);
    }

    /**
     * A version 4 UUID from {@link ThreadLocalRandom}: a request id must be unique, not unguessable, and
     * {@link UUID#randomUUID()} draws from a shared {@code SecureRandom} that reads {@code /dev/urandom}
     * (1.3 % of a detail request's CPU in the benchmark's profile).
     */
    static UUID randomUuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48); // IETF variant
        return new UUID(high, low);
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
