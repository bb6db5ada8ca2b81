/**
 * Background work on JobRunr with PostgreSQL storage: job requests carry ids only, handlers call use
 * cases, and failures are rethrown so JobRunr retries them and shows them on its dashboard.
 */
package com.coachintel.leads.adapter.jobs;
