package com.coachintel.leads.application.health;

import com.coachintel.leads.domain.port.JobWorker;
import java.util.Objects;

/**
 * How a live process is doing. A recovering worker does not make the process unhealthy: the API still serves,
 * and the worker starts again on its own once the database is back.
 *
 * @param jobs the state of this process's job worker
 */
public record Health(JobWorker.State jobs) {

    public Health {
        Objects.requireNonNull(jobs, "jobs");
    }
}
