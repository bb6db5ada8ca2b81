package com.coachintel.leads.adapter.http;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Set;

/** Content negotiation: an Accept header that rules out what an endpoint answers gets a 406. */
final class MediaTypes {

    static final String JSON = "application/json";
    static final String CSV = "text/csv";

    /** The media ranges that admit JSON (problem documents included). */
    private static final Set<String> JSON_RANGES = Set.of("*/*", "application/*", JSON, ProblemDetail.CONTENT_TYPE);
    /** The media ranges that admit CSV. */
    private static final Set<String> CSV_RANGES = Set.of("*/*", "text/*", CSV);

    private MediaTypes() {
    }

    /** Whether the request's Accept header (absent means anything) admits {@code application/json}. */
    static boolean acceptsJson(Context ctx) {
        return accepts(ctx, JSON_RANGES, true);
    }

    /** Whether the request's Accept header (absent means anything) admits {@code text/csv}. */
    static boolean acceptsCsv(Context ctx) {
        return accepts(ctx, CSV_RANGES, false);
    }

    private static boolean accepts(Context ctx, Set<String> ranges, boolean anyJsonSuffix) {
        String accept = ctx.header("Accept");
        if (accept == null || accept.isBlank()) {
            return true;
        }
        for (String range : accept.split(",")) {
            String type = range.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (ranges.contains(type) || (anyJsonSuffix && type.endsWith("+json"))) {
                return true;
            }
        }
        return false;
    }
}
