package com.coachintel.leads.adapter.http;

import io.javalin.http.Context;
import java.util.Locale;

/** Content negotiation for the JSON endpoints: an Accept header that rules out JSON gets a 406. */
final class MediaTypes {

    static final String JSON = "application/json";
    static final String CSV = "text/csv";

    private MediaTypes() {
    }

    /** Whether the request's Accept header (absent means anything) admits {@code text/csv}. */
    static boolean acceptsCsv(Context ctx) {
        String accept = ctx.header("Accept");
        if (accept == null || accept.isBlank()) {
            return true;
        }
        for (String range : accept.split(",")) {
            String type = range.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (type.equals("*/*") || type.equals("text/*") || type.equals(CSV)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the request's Accept header (absent means anything) admits {@code application/json}. */
    static boolean acceptsJson(Context ctx) {
        String accept = ctx.header("Accept");
        if (accept == null || accept.isBlank()) {
            return true;
        }
        for (String range : accept.split(",")) {
            String type = range.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (type.equals("*/*") || type.equals("application/*") || type.equals(JSON)
                    || type.equals(ProblemDetail.CONTENT_TYPE) || type.endsWith("+json")) {
                return true;
            }
        }
        return false;
    }
}
