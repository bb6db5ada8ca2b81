package com.coachintel.leads.adapter.http;

import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Cross-origin access for the routes a browser calls directly (public capture): only the origins in
 * {@code LEADS_CORS_ORIGINS}, never a wildcard. A preflight from an allowed origin for an allowed method and
 * headers answers 204 with the grant; any other is refused with a problem. An actual request that carries an
 * {@code Origin} not on the list is refused too, so that another site's page cannot post into this API through its
 * visitors' browsers.
 */
final class Cors {

    private static final Set<String> ALLOWED_HEADERS = Set.of("content-type");
    private static final String MAX_AGE_SECONDS = "600";

    private final Set<String> allowedOrigins;

    Cors(Set<String> allowedOrigins) {
        this.allowedOrigins = Set.copyOf(allowedOrigins);
    }

    /**
     * An origin as browsers send it, such as {@code https://app.coachintel.com}: scheme, host and port only.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static String origin(String text) {
        String trimmed = text.strip();
        if (trimmed.equals("*")) {
            throw new IllegalArgumentException("'*' is not allowed: list each origin, such as https://app.example.com");
        }
        try {
            URI uri = new URI(trimmed);
            boolean bare = uri.getScheme() != null && (uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    && uri.getHost() != null && uri.getUserInfo() == null && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getRawQuery() == null && uri.getRawFragment() == null;
            if (bare) {
                return trimmed.toLowerCase(Locale.ROOT);
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + trimmed + "' is not an origin: scheme, host and optional port, such as"
                + " https://app.example.com or http://localhost:3000, with no path");
    }

    /** Answers a preflight for a route that takes POST. */
    void preflight(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || !allowedOrigins.contains(origin.toLowerCase(Locale.ROOT))) {
            throw new OriginRefusedException(origin);
        }
        String method = ctx.header("Access-Control-Request-Method");
        if (method == null || !method.equals("POST")) {
            throw new OriginRefusedException("Access-Control-Request-Method", "only POST is allowed here, got "
                    + (method == null ? "none" : "'" + QueryParameters.abbreviate(method) + "'"));
        }
        String requested = ctx.header("Access-Control-Request-Headers");
        if (requested != null) {
            for (String header : requested.split(",")) {
                String name = header.strip().toLowerCase(Locale.ROOT);
                if (!name.isEmpty() && !ALLOWED_HEADERS.contains(name)) {
                    throw new OriginRefusedException("Access-Control-Request-Headers", "only Content-Type may be sent, not '"
                            + QueryParameters.abbreviate(name) + "'");
                }
            }
        }
        grant(ctx, origin);
        ctx.header("Access-Control-Allow-Methods", "POST");
        ctx.header("Access-Control-Allow-Headers", "Content-Type");
        ctx.header("Access-Control-Max-Age", MAX_AGE_SECONDS);
        ctx.status(204);
    }

    /** Checks an actual request's Origin, if it has one, and grants it before the handler runs (errors too are readable). */
    void actualRequest(Context ctx) {
        String origin = ctx.header("Origin");
        ctx.header("Vary", "Origin");
        if (origin == null) {
            return; // not from a browser's cross-origin call: a server such as the Next.js route
        }
        if (!allowedOrigins.contains(origin.toLowerCase(Locale.ROOT))) {
            throw new OriginRefusedException(origin);
        }
        grant(ctx, origin);
    }

    private static void grant(Context ctx, String origin) {
        ctx.header("Access-Control-Allow-Origin", origin);
        ctx.header("Vary", "Origin");
    }

    /** A cross-origin request this API does not allow. */
    static final class OriginRefusedException extends RuntimeException {
        private final String field;

        OriginRefusedException(String origin) {
            this("Origin", origin == null ? "a cross-origin preflight needs an Origin header"
                    : "'" + QueryParameters.abbreviate(origin) + "' is not an allowed origin (LEADS_CORS_ORIGINS)");
        }

        OriginRefusedException(String field, String message) {
            super(field + ": " + message);
            this.field = field;
        }

        String field() {
            return field;
        }

        String reason() {
            return getMessage().substring(field.length() + 2);
        }
    }
}
