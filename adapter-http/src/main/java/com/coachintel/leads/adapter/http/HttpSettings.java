package com.coachintel.leads.adapter.http;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where the API listens and whom it trusts.
 *
 * @param host           the interface to bind, such as {@code 127.0.0.1} or {@code 0.0.0.0}
 * @param port           the TCP port; 0 picks a free one (tests)
 * @param proxySecret    when present, {@code x-user-email} is believed only with it in {@code x-proxy-secret} (or from a
 *                       trusted proxy)
 * @param nextAuthSecret when present, a request may authenticate with its NextAuth v4 session token (cookie or bearer)
 * @param corsOrigins    the origins whose pages may call the browser-facing routes (public capture), such as
 *                       {@code https://app.coachintel.com}; see {@link #origin}
 * @param trustedProxies the proxies whose {@code X-Forwarded-For} is believed when finding a client's address
 */
public record HttpSettings(String host, int port, Optional<String> proxySecret, Optional<String> nextAuthSecret,
        Set<String> corsOrigins, List<Cidr> trustedProxies) {

    public HttpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(proxySecret, "proxySecret");
        Objects.requireNonNull(nextAuthSecret, "nextAuthSecret");
        corsOrigins = Set.copyOf(corsOrigins.stream().map(Cors::origin).toList());
        trustedProxies = List.copyOf(trustedProxies);
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
    }

    /** Without NextAuth sessions. */
    public HttpSettings(String host, int port, Optional<String> proxySecret, Set<String> corsOrigins, List<Cidr> trustedProxies) {
        this(host, port, proxySecret, Optional.empty(), corsOrigins, trustedProxies);
    }

    /** Listens on {@code host:port}, no sessions, no cross-origin callers, no trusted proxies. */
    public HttpSettings(String host, int port, Optional<String> proxySecret) {
        this(host, port, proxySecret, Set.of(), List.of());
    }

    /** Listens on {@code host:port} and trusts {@code x-user-email} without a proxy secret. */
    public HttpSettings(String host, int port) {
        this(host, port, Optional.empty());
    }

    /**
     * Checks an origin as {@link #corsOrigins} takes it: scheme, host and port, no path, no wildcard.
     *
     * @return the origin, lower-cased
     * @throws IllegalArgumentException naming what is wrong
     */
    public static String origin(String text) {
        return Cors.origin(text);
    }
}
