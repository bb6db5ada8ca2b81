package com.coachintel.leads.adapter.persistence;

import java.util.Objects;

/**
 * How to reach PostgreSQL.
 *
 * @param jdbcUrl  a {@code jdbc:postgresql://} URL
 * @param user     the user name, or null when the URL carries it
 * @param password the password, or null; never logged
 * @param poolSize the most connections the pool opens
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, int poolSize) {

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1, got " + poolSize);
        }
    }

    @Override
    public String toString() {
        return "DatabaseSettings[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=" + (password == null ? "none" : "***")
                + ", poolSize=" + poolSize + "]";
    }
}
