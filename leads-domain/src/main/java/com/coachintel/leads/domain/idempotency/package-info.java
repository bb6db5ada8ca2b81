/**
 * Idempotent requests in Stripe's manner: a caller's key makes a retried write answer what the first one
 * answered instead of writing again.
 */
package com.coachintel.leads.domain.idempotency;
