package com.coachintel.leads.bootstrap;

import com.coachintel.leads.adapter.persistence.DatabaseSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Reads {@code DATABASE_URL} in either form operators meet: {@code jdbc:postgresql://host:port/db?...}
 * or the Heroku/Render style {@code postgres://user:password@host:port/db?...}.
 * {@code DATABASE_USER} and {@code DATABASE_PASSWORD}, when set, win over credentials in the URL.
 */
final class DatabaseUrl {

    static final String ACCEPTED = "jdbc:postgresql://host[:port]/database[?params] "
            + "or postgres://[user[:password]@]host[:port]/database[?params]";

    private DatabaseUrl() {
    }

    static DatabaseSettings parse(String url, String user, String password, int poolSize) {
        String trimmed = url.trim();
        if (trimmed.startsWith("jdbc:postgresql://")) {
            requireHostAndDatabase(trimmed, URI.create(trimmed.substring("jdbc:".length())));
            return new DatabaseSettings(trimmed, user, password, poolSize);
        }
        if (trimmed.startsWith("postgres://") || trimmed.startsWith("postgresql://")) {
            URI uri = toUri(trimmed);
            requireHostAndDatabase(trimmed, uri);
            String urlUser = null;
            String urlPassword = null;
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                urlUser = decode(parts[0]);
                urlPassword = parts.length > 1 ? decode(parts[1]) : null;
            }
            String port = uri.getPort() > 0 ? ":" + uri.getPort() : "";
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            String jdbcUrl = "jdbc:postgresql://" + uri.getHost() + port + uri.getRawPath() + query;
            return new DatabaseSettings(jdbcUrl, user != null ? user : urlUser, password != null ? password : urlPassword,
                    poolSize);
        }
        throw invalid("unknown scheme");
    }

    /** The URL without credentials, for logs: {@code postgresql://host:port/db}. */
    static String redacted(String jdbcUrl) {
        URI uri = toUri(jdbcUrl.substring("jdbc:".length()));
        String port = uri.getPort() > 0 ? ":" + uri.getPort() : "";
        return "postgresql://" + uri.getHost() + port + uri.getRawPath();
    }

    private static URI toUri(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw invalid("not a URL (" + e.getReason() + ")");
        }
    }

    private static void requireHostAndDatabase(String url, URI uri) {
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw invalid("no host");
        }
        if (uri.getRawPath() == null || uri.getRawPath().length() < 2) {
            throw invalid("no database name");
        }
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    // The value itself is never echoed: it may hold a password.
    private static ConfigException invalid(String reason) {
        return new ConfigException("DATABASE_URL is not a PostgreSQL URL: " + reason + ". Accepted: " + ACCEPTED);
    }
}
