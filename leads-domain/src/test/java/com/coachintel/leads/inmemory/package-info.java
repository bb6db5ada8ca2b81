/**
 * Every storage port of the core in memory ({@link com.coachintel.leads.inmemory.InMemoryPersistence}), published in
 * {@code leads-domain}'s test-jar for tests and for embedding without a database. The contract tests in
 * {@code com.coachintel.leads.contract} hold it and the PostgreSQL adapter to the same behaviour.
 */
package com.coachintel.leads.inmemory;
