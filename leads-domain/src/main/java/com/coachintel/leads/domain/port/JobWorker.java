package com.coachintel.leads.domain.port;

/** The background-job worker of this process, as health reports see it. */
public interface JobWorker {

    /** What the worker is doing. */
    enum State {
        /** Taking and running jobs. */
        RUNNING,
        /** Stopped by a fault (the database went away, say) and being started again as soon as it can. */
        RECOVERING,
        /** This process runs no worker (another process does). */
        NONE
    }

    /** The state now; never throws. */
    State state();
}
