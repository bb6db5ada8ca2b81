package com.coachintel.leads.adapter.http;

import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Cross-origin access for every route: only the origins in {@code LEADS_CORS_ORIGINS}, never a wildcard, with
 * credentials (CoachIntel's drawer sends its session cookie). A preflight from an allowed origin for an allowed method
 * and headers answers 204 with the grant; any other is refused with a problem. An allowed origin's actual requests
 * get {@code Access-Control-Allow-Origin} and may read the headers a client needs ({@code ETag}, {@code Location},
 * {@code Content-Disposition}, {@code X-Total-Count}, {@code Link}, ...). Public capture also refuses an actual request
 * whose {@code Origin} is not on the list, so that another site's page cannot post into this API through its
 * visitors' browsers; on the other routes a cookie-authenticated write from such an origin fails the CSRF check.
 */
final class Cors {

    private static final Set<String> ALLOWED_METHODS = Set.of("GET", "POST", "PATCH");
    private static final Set<String> ALLOWED_HEADERS = Set.of("content-type", "if-match", "idempotency-key", "x-request-id",
            "authorization");
    private static final String EXPOSED_HEADERS = "ETag, Location, Content-Disposition, X-Total-Count, Link, Retry-After,"
            + " Idempotent-Replayed, x-request-id";
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

    /** Whether {@code origin} is in the allowlist. */
    boolean allows(String origin) {
        return origin != null && allowedOrigins.contains(origin.toLowerCase(Locale.ROOT));
    }

    /** Answers a preflight, for any route. */
    void preflight(Context ctx) {
        String origin = ctx.header("Origin");
        if (!allows(origin)) {
            throw new OriginRefusedException(origin);
        }
        String method = ctx.header("Access-Control-Request-Method");
        if (method == null || !ALLOWED_METHODS.contains(method)) {
            throw new OriginRefusedException("Access-Control-Request-Method", "one of GET, POST and PATCH, got "
                    + (method == null ? "none" : "'" + QueryParameters.abbreviate(method) + "'"));
        }
        String requested = ctx.header("Access-Control-Request-Headers");
        if (requested != null) {
            for (String header : requested.split(",")) {
                String name = header.strip().toLowerCase(Locale.ROOT);
                if (!name.isEmpty() && !ALLOWED_HEADERS.contains(name)) {
                    throw new OriginRefusedException("Access-Control-Request-Headers", "'" + QueryParameters.abbreviate(name)
                            + "' may not be sent from a browser; allowed: Content-Type, If-Match, Idempotency-Key,"
                            + " x-request-id, Authorization");
                }
            }
        }
        grant(ctx, origin);
        ctx.header("Access-Control-Allow-Methods", "GET, POST, PATCH");
        ctx.header("Access-Control-Allow-Headers", "Content-Type, If-Match, Idempotency-Key, x-request-id, Authorization");
        ctx.header("Access-Control-Max-Age", MAX_AGE_SECONDS);
        ctx.status(204);
    }

    /**
     * Runs before every route: an allowed origin's request is granted, before the handler, so that its errors are
     * readable too. Any other origin gets no grant: the browser keeps the answer from the page.
     */
    void decorate(Context ctx) {
        ctx.header("Vary", "Origin");
        String origin = ctx.header("Origin");
        if (allows(origin)) {
            grant(ctx, origin);
        }
    }

    /** For public capture: refuses an Origin that is not allowed (a request without one is a server's, and fine). */
    void refuseOtherOrigins(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin != null && !allows(origin)) {
            throw new OriginRefusedException(origin);
        }
    }

    private static void grant(Context ctx, String origin) {
        ctx.header("Access-Control-Allow-Origin", origin);
        ctx.header("Access-Control-Allow-Credentials", "true");
        ctx.header("Access-Control-Expose-Headers", EXPOSED_HEADERS);
    }

    /** A cross-origin request this API does not allow. */
    static final class OriginRefusedException extends HttpRefusal {
        OriginRefusedException(String origin) {
            this("Origin", origin == null ? "a cross-origin preflight needs an Origin header"
                    : "'" + QueryParameters.abbreviate(origin) + "' is not an allowed origin (LEADS_CORS_ORIGINS)");
        }

        OriginRefusedException(String field, String message) {
            super("cross-origin-request-refused", 403, field + ": " + message,
                    java.util.Optional.of(new ProblemDetail.FieldError(field, message)));
        }
    }
}
