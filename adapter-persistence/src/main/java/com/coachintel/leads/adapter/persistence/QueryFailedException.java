package com.coachintel.leads.adapter.persistence;

import java.sql.SQLException;

/** A read that runs on plain JDBC failed in the database or the driver; the cause says how. */
final class QueryFailedException extends RuntimeException {

    QueryFailedException(String message, SQLException cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
