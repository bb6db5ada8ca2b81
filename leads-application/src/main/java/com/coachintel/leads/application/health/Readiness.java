package com.coachintel.leads.application.health;

/**
 * Whether the instance can serve, and the state of the store it needs.
 *
 * @param ready          true when every dependency answered
 * @param storageDetail  a short, operator-facing word on the store; never contains credentials
 */
public record Readiness(boolean ready, String storageDetail) {
}
