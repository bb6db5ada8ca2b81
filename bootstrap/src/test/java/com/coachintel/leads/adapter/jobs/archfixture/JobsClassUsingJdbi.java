package com.coachintel.leads.adapter.jobs.archfixture;

import org.jdbi.v3.core.Jdbi;

/** Violates "the jobs adapter uses no Jdbi types". Test fixture. */
public class JobsClassUsingJdbi {
    public Jdbi jdbi(String url) {
        return Jdbi.create(url);
    }
}
