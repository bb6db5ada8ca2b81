/**
 * Outgoing ports: what the domain and the use cases need from the outside world (storage, job scheduling, phone
 * parsing, rate limits). Adapters implement them; nothing here knows how. Every storage port has an in-memory
 * implementation in this module's test-jar, held to the PostgreSQL one by a shared contract test.
 */
package com.coachintel.leads.domain.port;
