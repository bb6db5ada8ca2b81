package com.coachintel.leads.adapter.persistence;

import com.coachintel.leads.domain.StorageUnavailableException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a database that is away from a query that is wrong, at the boundary of every port this adapter hands out: the
 * first becomes {@link StorageUnavailableException}, whatever wrapped it (Jdbi, a driver, the pool).
 *
 * <p>A port is wrapped in a proxy rather than each of its dozens of call sites, so that no new query can forget it.
 */
final class StorageFailures {

    /**
     * SQLSTATEs of an unreachable or departing server: class 08 (connection exception) is checked by prefix; these
     * are admin shutdown, crash shutdown, cannot connect now (starting up or shutting down), too many connections.
     */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private StorageFailures() {
    }

    /** {@code port} with every failure that means "the database is away" turned into StorageUnavailableException. */
    static <T> T guard(Class<T> portType, T port) {
        InvocationHandler handler = (proxy, method, arguments) -> {
            try {
                return method.invoke(port, arguments);
            } catch (InvocationTargetException e) {
                Throwable failure = e.getCause();
                if (isUnavailable(failure)) {
                    throw new StorageUnavailableException("the database did not answer (" + describe(failure) + ")", failure);
                }
                throw failure;
            }
        };
        return portType.cast(Proxy.newProxyInstance(portType.getClassLoader(), new Class<?>[] {portType}, handler));
    }

    /** Whether the failure, or one of its causes, says the database is unreachable or gone. */
    static boolean isUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof StorageUnavailableException) {
                return false; // already said
            }
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SocketTimeoutException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || UNAVAILABLE_STATES.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** The kind of failure and its SQLSTATE: never the message, which may quote values. */
    private static String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return cause.getClass().getSimpleName() + ", SQLSTATE " + sql.getSQLState();
            }
            if (cause.getCause() == null) {
                return cause.getClass().getSimpleName();
            }
        }
        return failure.getClass().getSimpleName();
    }
}
