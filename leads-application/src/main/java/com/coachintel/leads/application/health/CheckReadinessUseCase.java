package com.coachintel.leads.application.health;

/** Answers whether this instance can serve requests, that is whether its store is reachable. */
public interface CheckReadinessUseCase {

    /** Checks now; never throws. */
    Readiness checkReadiness();
}
