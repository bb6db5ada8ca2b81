package com.coachintel.leads.bootstrap;

import com.coachintel.leads.adapter.persistence.DatabaseSettings;
import com.coachintel.leads.adapter.persistence.PostgresPersistence;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The database this process uses, embedded or external, with its connection pool.
 * Closing it closes the pool, then stops the embedded server if there is one.
 */
final class Database implements AutoCloseable {

    private final EmbeddedDatabase embedded;
    private final HikariDataSource dataSource;
    private final String description;
    private final Optional<HikariDataSource> replica;

    private Database(EmbeddedDatabase embedded, HikariDataSource dataSource, Optional<HikariDataSource> replica,
            String description) {
        this.embedded = embedded;
        this.dataSource = dataSource;
        this.replica = replica;
        this.description = description;
    }

    static Database open(LeadsConfig config) {
        return open(config, Optional.empty());
    }

    /** With the pool's meters ({@code hikaricp.*}) in {@code meters}. */
    static Database open(LeadsConfig config, Optional<MeterRegistry> meters) {
        if (config.externalDatabase().isPresent()) {
            DatabaseSettings settings = config.externalDatabase().get();
            HikariDataSource pool = pool(settings, meters);
            String user = settings.user() == null ? "" : ", user " + settings.user();
            String description = "external " + DatabaseUrl.redacted(settings.jdbcUrl()) + user + " (PostgreSQL "
                    + serverVersion(pool) + ")" + config.readReplica().map(replicaSettings -> "; lists and exports from"
                    + " the replica " + DatabaseUrl.redacted(replicaSettings.jdbcUrl()) + " while it lags under "
                    + config.replicaMaxLag().toSeconds() + " s").orElse("");
            // A replica that is down does not stop start-up: reads go to the primary until it answers.
            return new Database(null, pool, config.readReplica().map(replicaSettings -> PostgresPersistence
                    .pooledReplicaDataSource(replicaSettings, "leads-replica", meters)), description);
        }
        EmbeddedDatabase embedded = EmbeddedDatabase.start(config.dataDir(), config.embeddedDbPort());
        try {
            HikariDataSource pool = pool(embedded.settings(config.poolSize()), meters);
            String reachedOver = embedded.unixSocket().map(socket -> " (pool over the Unix socket " + socket + ")")
                    .orElse("");
            return new Database(embedded, pool, Optional.empty(), "embedded PostgreSQL " + serverVersion(pool) + ", data dir "
                    + embedded.dataDir() + ", localhost:" + embedded.port() + "/" + EmbeddedDatabase.DATABASE
                    + reachedOver);
        } catch (RuntimeException e) {
            embedded.close();
            throw e;
        }
    }

    private static HikariDataSource pool(DatabaseSettings settings, Optional<MeterRegistry> meters) {
        try {
            return PostgresPersistence.pooledDataSource(settings, "leads", meters);
        } catch (RuntimeException e) {
            // Hikari wraps the driver's message; keep it, without the password (which it never prints).
            throw new IllegalStateException("could not connect to " + DatabaseUrl.redacted(settings.jdbcUrl()) + ": "
                    + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private static String serverVersion(HikariDataSource pool) {
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SHOW server_version")) {
            rows.next();
            return rows.getString(1);
        } catch (SQLException e) {
            return "unknown version";
        }
    }

    HikariDataSource dataSource() {
        return dataSource;
    }

    /** Where the data live, for the startup block: never includes a password. */
    String description() {
        return description;
    }

    /** The read replica's pool, when DATABASE_READ_URL names one. */
    Optional<HikariDataSource> replica() {
        return replica;
    }

    @Override
    public void close() {
        try {
            replica.ifPresent(HikariDataSource::close);
            dataSource.close();
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
