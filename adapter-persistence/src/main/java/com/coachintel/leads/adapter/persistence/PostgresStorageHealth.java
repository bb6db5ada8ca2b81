package com.coachintel.leads.adapter.persistence;

import com.coachintel.leads.domain.port.StorageHealth;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** {@link StorageHealth} as a {@code SELECT 1} through the pool, bounded to two seconds. */
final class PostgresStorageHealth implements StorageHealth {

    private static final int TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;

    PostgresStorageHealth(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Status check() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(TIMEOUT_SECONDS);
            statement.execute("SELECT 1");
            return Status.up();
        } catch (SQLException e) {
            return Status.down("database unreachable: " + e.getSQLState());
        } catch (RuntimeException e) {
            return Status.down("database unreachable: " + e.getClass().getSimpleName());
        }
    }
}
