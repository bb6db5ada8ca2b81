package com.coachintel.leads.adapter.http;

import com.coachintel.leads.application.auth.AuthenticateUseCase;
import com.coachintel.leads.domain.user.Caller;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs before every {@code /leads} route: checks the proxy's shared secret (when one is configured), then
 * turns {@code x-user-email} into the {@link Caller} the handlers act for.
 */
final class Authentication {

    static final String USER_EMAIL_HEADER = "x-user-email";
    static final String PROXY_SECRET_HEADER = "x-proxy-secret";
    private static final String CALLER = "leads.caller";

    private final AuthenticateUseCase authenticate;
    private final Optional<byte[]> proxySecretDigest;

    Authentication(AuthenticateUseCase authenticate, Optional<String> proxySecret) {
        this.authenticate = Objects.requireNonNull(authenticate, "authenticate");
        this.proxySecretDigest = proxySecret.map(Authentication::sha256);
    }

    void authenticate(Context ctx) {
        proxySecretDigest.ifPresent(expected -> {
            String offered = ctx.header(PROXY_SECRET_HEADER);
            // Digests of equal length, compared in constant time: neither content nor length leaks through timing.
            if (offered == null || !MessageDigest.isEqual(expected, sha256(offered))) {
                throw new ProxySecretMismatchException();
            }
        });
        ctx.attribute(CALLER, authenticate.authenticate(ctx.header(USER_EMAIL_HEADER)));
    }

    /** The caller of an authenticated request. */
    static Caller caller(Context ctx) {
        Caller caller = ctx.attribute(CALLER);
        if (caller == null) {
            throw new IllegalStateException("route reached without authentication: " + ctx.path());
        }
        return caller;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The request did not come through the proxy that holds the shared secret. */
    static final class ProxySecretMismatchException extends RuntimeException {
        ProxySecretMismatchException() {
            super("x-proxy-secret is missing or wrong: requests must come through the CoachIntel proxy");
        }
    }
}
