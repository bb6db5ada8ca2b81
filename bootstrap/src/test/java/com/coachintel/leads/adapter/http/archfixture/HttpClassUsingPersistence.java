package com.coachintel.leads.adapter.http.archfixture;

import com.coachintel.leads.adapter.persistence.DatabaseSettings;
import org.jdbi.v3.core.Jdbi;

/** Violates "adapters never depend on each other" and "the HTTP adapter uses no storage libraries". Test fixture. */
public class HttpClassUsingPersistence {
    public Jdbi open(DatabaseSettings settings) {
        return Jdbi.create(settings.jdbcUrl());
    }
}
