/**
 * Contract tests of the storage ports: what any implementation must do, written once and run against each
 * (the in-memory ports in {@code leads-domain}, PostgreSQL in {@code adapter-persistence}). An embedder with a
 * storage of its own extends {@link com.coachintel.leads.contract.LeadStorageContract} the same way.
 */
package com.coachintel.leads.contract;
