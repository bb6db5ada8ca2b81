package com.coachintel.leads.adapter.persistence;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;

/** One database on the test server, with its own small pool. Closing it closes the pool. */
public final class TestDatabase implements AutoCloseable {

    private final String name;
    private final int port;
    private final HikariDataSource dataSource;

    TestDatabase(EmbeddedPostgres server, String name) {
        this.name = name;
        this.port = server.getPort();
        this.dataSource = PostgresPersistence.pooledDataSource(settings(), "test-" + name);
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    /** Settings as an operator would give them: URL plus user. */
    public DatabaseSettings settings() {
        return new DatabaseSettings(jdbcUrl(), "postgres", null, 8);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + name;
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    /** A Jdbi over this database, for assertions written in SQL. */
    public Jdbi jdbi() {
        return Jdbi.create(dataSource).installPlugin(new PostgresPlugin());
    }

    /** Runs a query and returns its rows as maps, for short assertions. */
    public List<Map<String, Object>> rows(String sql, Object... args) {
        return jdbi().withHandle(handle -> handle.select(sql, args).mapToMap().list());
    }

    /** Runs a query whose single row has a single column. */
    public <T> T scalar(Class<T> type, String sql, Object... args) {
        return jdbi().withHandle(handle -> handle.select(sql, args).mapTo(type).one());
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
