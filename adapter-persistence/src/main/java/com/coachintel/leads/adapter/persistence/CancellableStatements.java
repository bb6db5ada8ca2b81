package com.coachintel.leads.adapter.persistence;

import com.coachintel.leads.domain.port.Cancellation;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;

/**
 * Every statement Jdbi runs for a caller that can cancel ({@link Cancellation#current()}) is cancelled with it:
 * {@link java.sql.Statement#cancel()} asks PostgreSQL to stop the backend's query, which then fails with SQLSTATE
 * 57014 and frees its connection, instead of running on for a client that has gone.
 */
final class CancellableStatements implements StatementCustomizer {

    @Override
    public void beforeExecution(PreparedStatement statement, StatementContext context) {
        Cancellation.current().ifPresent(cancellation -> {
            Cancellation.Registration registration = cancellation.whenCancelled(() -> cancelQuietly(statement));
            context.addCleanable(registration::close);
        });
    }

    private static void cancelQuietly(PreparedStatement statement) {
        try {
            // pgjdbc sends the cancel request only while this statement executes, never for a later one.
            statement.cancel();
        } catch (SQLException e) {
            // The statement has finished or closed: nothing left to stop.
        }
    }
}
