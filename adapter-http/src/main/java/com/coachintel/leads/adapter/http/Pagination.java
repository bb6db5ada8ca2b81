package com.coachintel.leads.adapter.http;

import com.coachintel.leads.domain.query.Page;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A page's place in the whole result, in headers, for endpoints whose body is a bare array: {@code X-Total-Count}
 * and an RFC 8288 {@code Link} with {@code rel="next"} and {@code rel="prev"}. The targets are query-only relative
 * references ({@code ?limit=50&offset=50}), which resolve against the request's own path, so that they stay right
 * behind a proxy that serves this API under a path prefix.
 */
final class Pagination {

    static final String TOTAL_COUNT = "X-Total-Count";
    static final String LINK = "Link";

    private Pagination() {
    }

    /** Sets both headers; {@code filters} are the request's other parameters, repeated in every target. */
    static void headers(Context ctx, Page<?> page, List<Map.Entry<String, String>> filters) {
        ctx.header(TOTAL_COUNT, Long.toString(page.total()));
        List<String> links = new ArrayList<>();
        long nextOffset = (long) page.offset() + page.limit();
        if (nextOffset < page.total()) {
            links.add(link(filters, page.limit(), nextOffset, "next"));
        }
        if (page.offset() > 0) {
            links.add(link(filters, page.limit(), Math.max(0, page.offset() - page.limit()), "prev"));
        }
        if (!links.isEmpty()) {
            ctx.header(LINK, String.join(", ", links));
        }
    }

    private static String link(List<Map.Entry<String, String>> filters, int limit, long offset, String rel) {
        StringBuilder target = new StringBuilder("?");
        for (Map.Entry<String, String> filter : filters) {
            target.append(encode(filter.getKey())).append('=').append(encode(filter.getValue())).append('&');
        }
        target.append("limit=").append(limit).append("&offset=").append(offset);
        return "<" + target + ">; rel=\"" + rel + "\"";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
