package com.coachintel.leads.adapter.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL 17 per test JVM, and a fresh database per test class.
 *
 * <p>The schema is migrated once into a template database; each {@link #freshDatabase()} is a
 * {@code CREATE DATABASE ... TEMPLATE} copy of it, which takes milliseconds, so test classes are
 * isolated without paying for Liquibase each time. The server stops with the JVM (zonky's shutdown hook).
 */
public final class TestPostgres {

    private static final String TEMPLATE = "leads_template";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    /** A new database with the full schema and no rows. */
    public static TestDatabase freshDatabase() {
        return createDatabase(TEMPLATE);
    }

    /** A new, empty database: no schema at all, as an external PostgreSQL before {@code migrate}. */
    public static TestDatabase emptyDatabase() {
        return createDatabase("template0");
    }

    /** The server itself, for tests that need its port or a superuser connection. */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                // Same locale as the embedded default: lower() and case-insensitive search fold all of Unicode.
                server = EmbeddedPostgres.builder()
                        .setLocaleConfig("locale-provider", "builtin")
                        .setLocaleConfig("builtin-locale", "C.UTF-8")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded PostgreSQL", e);
            }
            execute("CREATE DATABASE " + TEMPLATE);
            try (TestDatabase template = new TestDatabase(server, TEMPLATE)) {
                new PostgresPersistence(template.dataSource()).schemaMigrator().migrate();
            }
        }
        return server;
    }

    private static TestDatabase createDatabase(String template) {
        EmbeddedPostgres postgres = server();
        String name = "leads_test_" + DATABASES.incrementAndGet();
        execute("CREATE DATABASE " + name + " TEMPLATE " + template);
        return new TestDatabase(postgres, name);
    }

    private static void execute(String sql) {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run: " + sql, e);
        }
    }
}
