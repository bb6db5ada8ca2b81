package com.coachintel.leads.adapter.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * One statement on plain JDBC from the pool, for the two hottest reads (detail and events). Through Jdbi (a handle
 * with its own copy of the configuration, a statement context, argument factories looked up per bind, the SQL
 * parsed-cache look-up) the same statement cost about 8 % of a detail request's CPU in the benchmark's profile,
 * where the whole request has 0.2 ms.
 */
final class PlainJdbc {

    /** Reads a whole result. */
    @FunctionalInterface
    interface Rows<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private final DataSource dataSource;

    PlainJdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs {@code sql} with {@code values} bound in order ({@code String[]} as a {@code text[]}) and reads its rows.
     *
     * @param what what is read, for the failure's message (ids only, never personal data)
     */
    <T> T query(String sql, List<Object> values, Rows<T> rows, String what) {
        try (Connection connection = dataSource.getConnection()) {
            return query(connection, sql, values, rows, what);
        } catch (SQLException e) {
            throw new QueryFailedException("could not read " + what, e);
        }
    }

    /** {@link #query(String, List, Rows, String)} on a connection the caller holds, such as its transaction's. */
    static <T> T query(Connection connection, String sql, List<Object> values, Rows<T> rows, String what) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                if (value instanceof String[] texts) {
                    statement.setArray(i + 1, connection.createArrayOf("text", texts));
                } else {
                    statement.setObject(i + 1, value);
                }
            }
            try (ResultSet rs = statement.executeQuery()) {
                return rows.read(rs);
            }
        } catch (SQLException e) {
            throw new QueryFailedException("could not read " + what, e);
        }
    }
}
