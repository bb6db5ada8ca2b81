package com.coachintel.leads.application.health;

/** Answers how this process is doing, beyond being alive: the state of its job worker. */
public interface CheckHealthUseCase {

    /** Checks now, without calling the database; never throws. */
    Health checkHealth();
}
