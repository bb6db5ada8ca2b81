/** Running a write at most once per idempotency key, and answering its retries with its first response. */
package com.coachintel.leads.application.idempotency;
