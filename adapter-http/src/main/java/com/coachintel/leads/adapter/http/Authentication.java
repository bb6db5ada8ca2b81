package com.coachintel.leads.adapter.http;

import com.coachintel.leads.application.auth.AuthenticateUseCase;
import com.coachintel.leads.domain.Violations;
import com.coachintel.leads.domain.user.Caller;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Runs before every {@code /leads} route and decides who the caller is, by one rule:
 *
 * <ul>
 *   <li>a request that carries a NextAuth session token (when {@code LEADS_NEXTAUTH_SECRET} is set), as the
 *       {@code next-auth.session-token} cookie (or {@code __Secure-}, or split into {@code .0}, {@code .1}, ...) or as
 *       {@code Authorization: Bearer}, is decided by the token alone: an invalid or expired one is a 401, with no
 *       fallback, and so is an {@code x-user-email} that names someone else;</li>
 *   <li>otherwise {@code x-user-email} is believed only when no secret is configured (loopback by default), when it
 *       comes with the matching {@code x-proxy-secret}, or when it comes from an address in
 *       {@code LEADS_TRUSTED_PROXIES} (the Next.js servers).</li>
 * </ul>
 *
 * A write authenticated by a cookie must also pass a CSRF check: a JSON content type, and an {@code Origin}, when
 * present, that is the API's own or in {@code LEADS_CORS_ORIGINS}.
 */
final class Authentication {

    static final String USER_EMAIL_HEADER = "x-user-email";
    static final String PROXY_SECRET_HEADER = "x-proxy-secret";
    /** NextAuth v4's session cookie names: {@code __Secure-} on HTTPS, plain otherwise. */
    static final List<String> SESSION_COOKIES = List.of("__Secure-next-auth.session-token", "next-auth.session-token");
    private static final String CALLER = "leads.caller";
    private static final Set<HandlerType> WRITES = Set.of(HandlerType.POST, HandlerType.PATCH, HandlerType.PUT, HandlerType.DELETE);

    private final AuthenticateUseCase authenticate;
    private final Optional<byte[]> proxySecretDigest;
    private final Optional<NextAuthSessions> sessions;
    private final List<Cidr> trustedProxies;
    private final Cors cors;

    Authentication(AuthenticateUseCase authenticate, Optional<String> proxySecret, Optional<NextAuthSessions> sessions,
            List<Cidr> trustedProxies, Cors cors) {
        this.authenticate = Objects.requireNonNull(authenticate, "authenticate");
        this.proxySecretDigest = proxySecret.map(Secrets::digest);
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.trustedProxies = List.copyOf(trustedProxies);
        this.cors = Objects.requireNonNull(cors, "cors");
    }

    void authenticate(Context ctx) {
        if (ctx.method() == HandlerType.OPTIONS) {
            return; // a CORS preflight carries no credentials; Cors answers it
        }
        requireOnce(ctx, USER_EMAIL_HEADER, PROXY_SECRET_HEADER, "Authorization");
        Optional<SessionToken> token = sessions.isPresent() ? SessionToken.of(ctx) : Optional.empty();
        if (token.isPresent()) {
            String email = sessions.get().email(token.get().value());
            String claimed = ctx.header(USER_EMAIL_HEADER);
            if (claimed != null && !claimed.strip().equalsIgnoreCase(email.strip())) {
                throw new CallerRefusedException("x-user-email names another user than the session token: send one of them");
            }
            if (token.get().fromCookie() && WRITES.contains(ctx.method())) {
                checkCrossSiteRequest(ctx);
            }
            ctx.attribute(CALLER, authenticate.authenticate(email));
            return;
        }
        if (!headerTrusted(ctx)) {
            throw new ProxySecretMismatchException(sessions.isPresent());
        }
        ctx.attribute(CALLER, authenticate.authenticate(ctx.header(USER_EMAIL_HEADER)));
    }

    /**
     * A credential header sent twice is refused: which one a proxy, a cache and this server each read differs, and a
     * request must mean one caller.
     */
    private static void requireOnce(Context ctx, String... names) {
        Violations violations = new Violations();
        for (String name : names) {
            java.util.Enumeration<String> values = ctx.req().getHeaders(name);
            int count = 0;
            while (values != null && values.hasMoreElements()) {
                values.nextElement();
                count++;
            }
            if (count > 1) {
                violations.add(name, "may be sent once, got " + count + " of them");
            }
        }
        violations.throwIfAny();
    }

    /** Whether an {@code x-user-email} of this request is believed (see the class comment). */
    private boolean headerTrusted(Context ctx) {
        if (proxySecretDigest.isEmpty() && sessions.isEmpty()) {
            return true;
        }
        if (proxySecretDigest.isPresent()) {
            String offered = ctx.header(PROXY_SECRET_HEADER);
            if (Secrets.matches(proxySecretDigest.get(), offered)) {
                return true;
            }
        }
        Optional<InetAddress> remote = Cidr.literal(ctx.req().getRemoteAddr());
        return remote.isPresent() && trustedProxies.stream().anyMatch(block -> block.contains(remote.get()));
    }

    /** A cookie travels with any request the browser makes, another site's included: a write must prove it is ours. */
    private void checkCrossSiteRequest(Context ctx) {
        String contentType = ctx.header("Content-Type"); // raw: Javalin's contentType() throws on an unknown charset
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json") && !mediaType.equals("application/merge-patch+json")) {
            throw new CrossSiteRequestException("Content-Type", "a write signed in by cookie must send application/json"
                    + " (a form post from another site cannot), got " + (contentType == null ? "none" : "'" + contentType + "'"));
        }
        String origin = ctx.header("Origin");
        if (origin != null && !cors.allows(origin) && !sameOrigin(origin, ctx.header("Host"))) {
            throw new CrossSiteRequestException("Origin", "'" + QueryParameters.abbreviate(origin) + "' may not write with"
                    + " this session: it is neither this API's origin nor in LEADS_CORS_ORIGINS");
        }
    }

    private static boolean sameOrigin(String origin, String host) {
        try {
            URI uri = new URI(origin);
            String authority = uri.getRawAuthority();
            return host != null && authority != null && authority.equalsIgnoreCase(host.strip());
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The caller of an authenticated request. */
    static Caller caller(Context ctx) {
        Caller caller = ctx.attribute(CALLER);
        if (caller == null) {
            throw new IllegalStateException("route reached without authentication: " + ctx.path());
        }
        return caller;
    }


    /** A session token as the request carried it. */
    record SessionToken(String value, boolean fromCookie) {

        /** The bearer token, or the session cookie (reassembled from its chunks when NextAuth split it), if any. */
        static Optional<SessionToken> of(Context ctx) {
            String authorization = ctx.header("Authorization");
            if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return Optional.of(new SessionToken(authorization.substring(7).strip(), false));
            }
            Map<String, String> cookies = ctx.cookieMap();
            for (String name : SESSION_COOKIES) {
                String whole = cookies.get(name);
                if (whole != null) {
                    return Optional.of(new SessionToken(whole, true));
                }
                StringBuilder chunks = new StringBuilder();
                for (int i = 0; cookies.containsKey(name + "." + i); i++) {
                    chunks.append(cookies.get(name + "." + i));
                }
                if (!chunks.isEmpty()) {
                    return Optional.of(new SessionToken(chunks.toString(), true));
                }
            }
            return Optional.empty();
        }
    }

    /** The request did not come through the proxy that holds the shared secret, nor from a trusted proxy. */
    static final class ProxySecretMismatchException extends HttpRefusal {
        ProxySecretMismatchException(boolean sessionsOn) {
            super("proxy-authentication-required", 401, "x-user-email is believed only with the right x-proxy-secret or from a trusted proxy address"
                    + (sessionsOn ? "; or sign in and send the NextAuth session (cookie or Authorization: Bearer)" : "")
                    + ": requests must come through the CoachIntel proxy");
        }
    }

    /** A session token and an x-user-email that disagree. */
    static final class CallerRefusedException extends HttpRefusal {
        CallerRefusedException(String message) {
            super("caller-mismatch", 401, message);
        }
    }

    /** A cookie-authenticated write that could have come from another site. */
    static final class CrossSiteRequestException extends HttpRefusal {
        CrossSiteRequestException(String field, String message) {
            super("cross-site-request-refused", 403, message, Optional.of(new ProblemDetail.FieldError(field, message)));
        }
    }
}
