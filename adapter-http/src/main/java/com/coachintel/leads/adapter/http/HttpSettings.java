package com.coachintel.leads.adapter.http;

import java.util.Objects;
import java.util.Optional;

/**
 * Where the API listens and whom it trusts.
 *
 * @param host        the interface to bind, such as {@code 127.0.0.1} or {@code 0.0.0.0}
 * @param port        the TCP port; 0 picks a free one (tests)
 * @param proxySecret when present, every {@code /leads} request must carry it in {@code x-proxy-secret}
 */
public record HttpSettings(String host, int port, Optional<String> proxySecret) {

    public HttpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(proxySecret, "proxySecret");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
    }

    /** Listens on {@code host:port} and trusts {@code x-user-email} without a proxy secret. */
    public HttpSettings(String host, int port) {
        this(host, port, Optional.empty());
    }
}
