/**
 * Outgoing ports: what the domain and the use cases need from the outside world (storage, clocks,
 * job schedulers). Adapters implement them; nothing here knows how.
 */
package com.coachintel.leads.domain.port;
