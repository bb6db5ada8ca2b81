package com.coachintel.leads.adapter.http;

import com.coachintel.leads.domain.ValidationException;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A lead's ETag is its version, quoted ({@code "7"}); If-Match carries it back for optimistic concurrency. */
final class EntityTags {

    static final String IF_MATCH = "If-Match";
    private static final Pattern STRONG_TAG = Pattern.compile("\"([0-9]{1,18})\"");

    private EntityTags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an If-Match header expects: empty without the header or with {@code *} (any current
     * version: the lead must merely exist, which every write checks anyway).
     */
    static Optional<Long> expectedVersion(Context ctx) {
        String header = ctx.header(IF_MATCH);
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return Optional.empty();
        }
        Matcher matcher = STRONG_TAG.matcher(header.strip());
        if (!matcher.matches()) {
            throw ValidationException.of(IF_MATCH, "must be one entity tag as the ETag header gave it, such as \"7\" (or *)"
                    + (header.strip().startsWith("W/") ? "; weak tags cannot match If-Match" : ""));
        }
        return Optional.of(Long.parseLong(matcher.group(1)));
    }
}
