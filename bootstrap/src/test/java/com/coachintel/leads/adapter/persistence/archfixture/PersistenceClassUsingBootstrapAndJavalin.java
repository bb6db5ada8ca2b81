package com.coachintel.leads.adapter.persistence.archfixture;

import com.coachintel.leads.bootstrap.LeadsConfig;
import io.javalin.http.Context;

/** Violates "only bootstrap knows bootstrap" and "the persistence adapter uses no web libraries". Test fixture. */
public class PersistenceClassUsingBootstrapAndJavalin {
    public String host(LeadsConfig config, Context ctx) {
        return config.httpHost() + ctx.path();
    }
}
