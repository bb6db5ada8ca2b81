package com.coachintel.leads.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachintel.leads.adapter.persistence.PostgresPersistence;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server is reached over its Unix-domain socket by the pool, and over TCP by everything else. */
class EmbeddedDatabaseTest {

    @TempDir
    Path dataDir;

    @Test
    void the_pool_connects_over_the_unix_socket_and_localhost_tcp_stays_open_for_tools() throws SQLException {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir, 0)) {
            Path socket = database.unixSocket().orElseThrow(() -> new AssertionError("Linux has Unix sockets"));
            assertThat(socket.getFileName()).hasToString(".s.PGSQL." + database.port());
            assertThat(Files.exists(socket)).as("PostgreSQL listens on %s", socket).isTrue();

            try (HikariDataSource pool = PostgresPersistence.pooledDataSource(database.settings(2), "test");
                    Connection connection = pool.getConnection()) {
                // inet_server_addr() is null exactly when the connection came over a Unix socket.
                assertThat(serverAddress(connection)).isNull();
            }
            try (Connection tcp = DriverManager.getConnection(
                    "jdbc:postgresql://localhost:" + database.port() + "/" + EmbeddedDatabase.DATABASE, "postgres", "")) {
                assertThat(serverAddress(tcp)).isIn("127.0.0.1/32", "::1/128");
            }
        }
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
