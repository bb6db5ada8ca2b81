package com.coachintel.leads.adapter.http;

import java.time.Duration;
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
 * @param timeouts       how long slow clients and a shutdown may take
 * @param postmarkWebhook the basic-auth credentials Postmark's webhook URL carries; empty: the webhook answers 404
 * @param twilioAuthToken Twilio's auth token, which signs its callbacks; empty: the Twilio webhook answers 404
 * @param publicBaseUrl  the base URL callers use, such as {@code https://leads.example.com}, when a proxy in front
 *                       changes it (Twilio signs the URL it called); empty: the request's own
 */
public record HttpSettings(String host, int port, Optional<String> proxySecret, Optional<String> nextAuthSecret,
        Set<String> corsOrigins, List<Cidr> trustedProxies, Timeouts timeouts, Optional<BasicCredentials> postmarkWebhook,
        Optional<String> twilioAuthToken, Optional<String> publicBaseUrl) {

    /**
     * A user and password that a provider sends with HTTP basic authentication.
     *
     * @param user     the user name
     * @param password the password; never logged
     */
    public record BasicCredentials(String user, String password) {
        public BasicCredentials {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "BasicCredentials[user=" + user + ", password=***]";
        }
    }

    /** Without a Postmark webhook. */
    public HttpSettings(String host, int port, Optional<String> proxySecret, Optional<String> nextAuthSecret,
            Set<String> corsOrigins, List<Cidr> trustedProxies, Timeouts timeouts) {
        this(host, port, proxySecret, nextAuthSecret, corsOrigins, trustedProxies, timeouts, Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** These settings with Postmark's webhook credentials. */
    public HttpSettings withPostmarkWebhook(BasicCredentials credentials) {
        return new HttpSettings(host, port, proxySecret, nextAuthSecret, corsOrigins, trustedProxies, timeouts,
                Optional.of(credentials), twilioAuthToken, publicBaseUrl);
    }

    /** These settings with Twilio's auth token and, behind a proxy, the base URL Twilio calls. */
    public HttpSettings withTwilio(String authToken, Optional<String> baseUrl) {
        return new HttpSettings(host, port, proxySecret, nextAuthSecret, corsOrigins, trustedProxies, timeouts,
                postmarkWebhook, Optional.of(authToken), baseUrl);
    }

    /**
     * The time bounds of the server.
     *
     * @param idle          a connection that sends or takes no byte for this long is closed: a client that stops reading
     *                      a streamed export releases its database connection then, and so does a silent request body
     * @param shutdownGrace how long {@link HttpApi#stop()} lets requests in flight finish after it stops accepting
     */
    public record Timeouts(Duration idle, Duration shutdownGrace) {

        /** 30 s idle, 25 s to shut down (under the usual 30 s before a SIGKILL). */
        public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(30), Duration.ofSeconds(25));

        public Timeouts {
            Objects.requireNonNull(idle, "idle");
            Objects.requireNonNull(shutdownGrace, "shutdownGrace");
            if (idle.isNegative() || idle.isZero() || shutdownGrace.isNegative()) {
                throw new IllegalArgumentException("idle must be positive and shutdownGrace not negative, got " + idle
                        + " and " + shutdownGrace);
            }
        }
    }

    /** With the default timeouts. */
    public HttpSettings(String host, int port, Optional<String> proxySecret, Optional<String> nextAuthSecret,
            Set<String> corsOrigins, List<Cidr> trustedProxies) {
        this(host, port, proxySecret, nextAuthSecret, corsOrigins, trustedProxies, Timeouts.DEFAULT);
    }

    /** These settings with other timeouts. */
    public HttpSettings withTimeouts(Timeouts other) {
        return new HttpSettings(host, port, proxySecret, nextAuthSecret, corsOrigins, trustedProxies, other, postmarkWebhook,
                twilioAuthToken, publicBaseUrl);
    }

    public HttpSettings {
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(postmarkWebhook, "postmarkWebhook");
        Objects.requireNonNull(twilioAuthToken, "twilioAuthToken");
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
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
