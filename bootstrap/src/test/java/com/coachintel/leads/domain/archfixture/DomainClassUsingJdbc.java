package com.coachintel.leads.domain.archfixture;

import java.sql.Connection;
import java.sql.SQLException;

/** Violates "no JDBC types in the domain" (java.sql is inside java.* so only that rule catches it). Test fixture. */
public class DomainClassUsingJdbc {
    public boolean open(Connection connection) throws SQLException {
        return !connection.isClosed();
    }
}
