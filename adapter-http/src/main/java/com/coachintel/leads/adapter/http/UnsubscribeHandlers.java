package com.coachintel.leads.adapter.http;

import com.coachintel.leads.application.message.UnsubscribeUseCase;
import com.coachintel.leads.domain.Violations;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One-click unsubscribe (RFC 8058). {@code GET /unsubscribe} only shows a page whose button posts: mail scanners fetch
 * every link, and a GET that unsubscribed would unsubscribe people by accident. {@code POST /unsubscribe} records it,
 * from that page's form or from a mail client's {@code List-Unsubscribe=One-Click}. Both answer the same neutral page
 * whatever the link: whether it was authentic, or whose, is nobody's business but the recipient's.
 */
final class UnsubscribeHandlers {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; form-action 'self'; frame-ancestors 'none';"
            + " base-uri 'none'";
    private static final List<String> LINK_PARAMETERS = List.of("lead_id", "channel", "v", "token");

    private final Optional<UnsubscribeUseCase> unsubscribe;

    UnsubscribeHandlers(Optional<UnsubscribeUseCase> unsubscribe) {
        this.unsubscribe = Objects.requireNonNull(unsubscribe, "unsubscribe");
    }

    void page(Context ctx) {
        requireEnabled();
        Map<String, String> link = link(QueryParameters.decode(ctx.queryString(), new Violations()));
        StringBuilder fields = new StringBuilder();
        link.forEach((name, value) -> fields.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
                .append(escape(value)).append("\">"));
        html(ctx, "<h1>Unsubscribe</h1><p>Stop these messages?</p><form method=\"post\" action=\"/unsubscribe\">" + fields
                + "<button type=\"submit\">Unsubscribe</button></form>");
    }

    void post(Context ctx) {
        requireEnabled();
        Map<String, List<String>> parameters = QueryParameters.decode(ctx.queryString(), new Violations());
        String contentType = Objects.toString(ctx.header("Content-Type"), "");
        if (contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            // The RFC 8058 body (List-Unsubscribe=One-Click) or the page's form; the link's own fields may come either way.
            QueryParameters.decode(new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8), new Violations())
                    .forEach((name, values) -> parameters.computeIfAbsent(name, key -> new java.util.ArrayList<>()).addAll(values));
        }
        Map<String, String> link = link(parameters);
        unsubscribe.get().unsubscribe(link.get("lead_id"), link.get("channel"), link.get("v"), link.get("token"));
        html(ctx, "<h1>Unsubscribed</h1><p>If this link was yours, you will get no more of these messages.</p>");
    }

    private void requireEnabled() {
        if (unsubscribe.isEmpty()) {
            throw new NotFoundResponse("Unsubscribe links are not enabled on this server (set LEADS_UNSUBSCRIBE_SECRET)");
        }
    }

    /** The link's parameters, each its first value; unknown and malformed ones are ignored: the page stays neutral. */
    private static Map<String, String> link(Map<String, List<String>> parameters) {
        Map<String, String> link = new java.util.LinkedHashMap<>();
        for (String name : LINK_PARAMETERS) {
            List<String> values = parameters.getOrDefault(name, List.of());
            if (!values.isEmpty() && values.get(0).length() <= 200) {
                link.put(name, values.get(0));
            }
        }
        return link;
    }

    private static void html(Context ctx, String body) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "no-store");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.contentType("text/html; charset=utf-8");
        ctx.result("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"robots\" content=\"noindex\">"
                + "<title>Unsubscribe</title></head><body>" + body + "</body></html>");
    }

    private static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
