/** Whether this instance can serve: the readiness use case behind {@code GET /ready}. */
package com.coachintel.leads.application.health;
