package com.coachintel.leads.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachintel.leads.adapter.persistence.PostgresPersistence;
import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server is reached over its Unix-domain socket by the pool, and over TCP (with its password) by everything
 * else; one process owns a data directory, and what a killed one leaves running is cleaned up.
 */
class EmbeddedDatabaseTest {

    @TempDir
    Path dataDir;

    @Test
    void the_pool_connects_over_the_unix_socket_and_localhost_tcp_stays_open_for_tools() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir, 0)) {
            Path socket = database.unixSocket().orElseThrow(() -> new AssertionError("Linux has Unix sockets"));
            assertThat(socket.getFileName()).hasToString(".s.PGSQL." + database.port());
            assertThat(Files.exists(socket)).as("PostgreSQL listens on %s", socket).isTrue();

            try (HikariDataSource pool = PostgresPersistence.pooledDataSource(database.settings(2), "test");
                    Connection connection = pool.getConnection()) {
                // inet_server_addr() is null exactly when the connection came over a Unix socket.
                assertThat(serverAddress(connection)).isNull();
            }
            try (Connection tcp = DriverManager.getConnection(tcpUrl(database), "postgres", password())) {
                assertThat(serverAddress(tcp)).isIn("127.0.0.1/32", "::1/128");
            }
        }
    }

    @Test
    void other_local_users_get_nothing_tcp_asks_for_the_password_and_the_socket_directory_is_private() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir, 0)) {
            assertThatThrownBy(() -> DriverManager.getConnection(tcpUrl(database), "postgres", "").close())
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(tcpUrl(database), "postgres", "guess").close())
                    .hasMessageContaining("password authentication failed");
            Path socket = database.unixSocket().orElseThrow();
            assertThat(socket.getParent()).isEqualTo(dataDir.resolve("run"));
            assertThat(mode(socket.getParent())).isEqualTo("rwx------");
            assertThat(mode(dataDir.resolve(EmbeddedDatabase.PASSWORD_FILE))).isEqualTo("rw-------");
        }
        // And on the next start, with the password already in place.
        try (EmbeddedDatabase again = EmbeddedDatabase.start(dataDir, 0);
                HikariDataSource pool = PostgresPersistence.pooledDataSource(again.settings(1), "test");
                Connection connection = pool.getConnection()) {
            assertThatThrownBy(() -> DriverManager.getConnection(tcpUrl(again), "postgres", "").close())
                    .isInstanceOf(SQLException.class);
            assertThat(serverAddress(connection)).isNull();
        }
    }

    @Test
    void a_data_directory_too_deep_for_a_socket_address_gets_a_private_short_one() throws Exception {
        Path deep = dataDir.resolve("d".repeat(60)).resolve("e".repeat(60));
        try (EmbeddedDatabase database = EmbeddedDatabase.start(deep, 0)) {
            Path socket = database.unixSocket().orElseThrow();
            assertThat(socket.toString().length()).isLessThanOrEqualTo(EmbeddedDatabase.MAX_SOCKET_PATH);
            assertThat(mode(socket.getParent())).isEqualTo("rwx------");
            assertThat(Files.exists(socket)).isTrue();
        }
    }

    @Test
    void a_second_process_on_the_same_data_directory_is_refused_at_once_naming_the_owner() {
        try (EmbeddedDatabase owner = EmbeddedDatabase.start(dataDir, 0)) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> EmbeddedDatabase.start(dataDir, 0))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("is in use by another Leads process (PID " + ProcessHandle.current().pid() + ")")
                    .hasMessageContaining("its PostgreSQL is PID");
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(5));
            try (Connection stillServing = DriverManager.getConnection(tcpUrl(owner), "postgres", password())) {
                assertThat(stillServing.isValid(2)).as("the owner's database is left alone").isTrue();
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void after_kill_9_the_next_start_stops_the_orphaned_postgres_and_serves_the_same_data() throws Exception {
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                EmbeddedDatabaseHolder.class.getName(), dataDir.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = output.readLine()) != null && !line.startsWith("started ")) {
                // PostgreSQL's start-up log
            }
            assertThat(line).as("the holder process started its database").isNotNull();
            long orphan = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).strip());

            holder.destroyForcibly().waitFor(); // SIGKILL: nothing stops its PostgreSQL
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).contains(true);

            long started = System.nanoTime();
            try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir, 0);
                    Connection connection = DriverManager.getConnection(tcpUrl(database), "postgres", password())) {
                assertThat(connection.isValid(2)).isTrue();
                assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            }
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(40));
        } finally {
            holder.destroyForcibly();
        }
    }

    private String password() throws java.io.IOException {
        return Files.readString(dataDir.resolve(EmbeddedDatabase.PASSWORD_FILE)).strip();
    }

    private static String tcpUrl(EmbeddedDatabase database) {
        return "jdbc:postgresql://localhost:" + database.port() + "/" + EmbeddedDatabase.DATABASE;
    }

    private static String mode(Path path) throws java.io.IOException {
        return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void an_external_database_url_can_name_the_unix_socket_as_the_env_example_shows() throws SQLException {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir, 0)) {
            Path socket = database.unixSocket().orElseThrow();
            // The form .env.example documents, through the same parsing DATABASE_URL gets.
            String url = "postgres://localhost/" + EmbeddedDatabase.DATABASE
                    + "?socketFactory=org.newsclub.net.unix.AFUNIXSocketFactory$FactoryArg&socketFactoryArg=" + socket;
            try (HikariDataSource pool = PostgresPersistence.pooledDataSource(
                    DatabaseUrl.parse(url, "postgres", null, 1), "test");
                    // no password: the socket's directory is what keeps others out
                    Connection connection = pool.getConnection()) {
                assertThat(serverAddress(connection)).isNull();
            }
        }
    }

    private static String serverAddress(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT inet_server_addr()::text")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
