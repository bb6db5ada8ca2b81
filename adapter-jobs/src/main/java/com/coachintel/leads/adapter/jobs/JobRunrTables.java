package com.coachintel.leads.adapter.jobs;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jobrunr.storage.StorageException;
import org.jobrunr.storage.sql.common.DatabaseCreator;
import org.jobrunr.storage.sql.postgres.PostgresStorageProvider;

/**
 * Creates and migrates JobRunr's tables one process at a time.
 *
 * <p>JobRunr migrates its tables when its storage is built. Two processes starting at once on a fresh database both
 * ran the same migration, and the second stopped ("column createdat of relation jobrunr_recurring_jobs already
 * exists"; found by {@code MultiProcessIT}, which starts two APIs and two workers together). Here the migrations run
 * on one connection that holds a PostgreSQL advisory lock, so the processes take turns and the later ones find
 * nothing left to do; the storage itself is then built without migrating. One connection, so that a pool of one
 * cannot wait on itself.
 */
final class JobRunrTables {

    /** The advisory lock's key: any number no other lock of this database uses ("leadsjob" in ASCII). */
    static final long MIGRATION_LOCK = 0x6C656164736A6F62L;

    private JobRunrTables() {
    }

    static void migrate(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_lock(" + MIGRATION_LOCK + ")");
            }
            try {
                new DatabaseCreator(onThis(connection), PostgresStorageProvider.class).runMigrations();
            } finally {
                if (!connection.getAutoCommit()) {
                    connection.rollback(); // anything a failed migration left open
                    connection.setAutoCommit(true);
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SELECT pg_advisory_unlock(" + MIGRATION_LOCK + ")");
                }
            }
        } catch (SQLException e) {
            throw new StorageException("could not migrate JobRunr's tables", e);
        }
    }

    /** A data source that lends {@code connection} every time and leaves closing it to its owner. */
    private static DataSource onThis(Connection connection) {
        Connection lent = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return new DataSource() {
            @Override
            public Connection getConnection() {
                return lent;
            }

            @Override
            public Connection getConnection(String user, String password) {
                return lent;
            }

            @Override
            public PrintWriter getLogWriter() {
                return null;
            }

            @Override
            public void setLogWriter(PrintWriter out) {
            }

            @Override
            public void setLoginTimeout(int seconds) {
            }

            @Override
            public int getLoginTimeout() {
                return 0;
            }

            @Override
            public Logger getParentLogger() throws SQLFeatureNotSupportedException {
                throw new SQLFeatureNotSupportedException();
            }

            @Override
            public <T> T unwrap(Class<T> type) throws SQLException {
                throw new SQLException("not a wrapper");
            }

            @Override
            public boolean isWrapperFor(Class<?> type) {
                return false;
            }
        };
    }
}
