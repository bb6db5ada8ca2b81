package com.coachintel.leads.application.export;

import com.coachintel.leads.domain.DomainException;
import java.time.Duration;

/**
 * As many streamed exports run as the limit allows: each holds a database connection for as long as its client reads,
 * so more would starve every other request. The background export ({@link ExportJobsUseCase#requestExport}) has no
 * such limit: it queues.
 */
public final class ExportsBusyException extends DomainException {

    private final Duration retryAfter;

    public ExportsBusyException(int limit, Duration retryAfter) {
        super("exports-busy", limit + " streamed export" + (limit == 1 ? " is" : "s are") + " running, the most this"
                + " server runs at once. Try again shortly, or request a background export (POST /leads/exports), which"
                + " queues and has no such limit.");
        this.retryAfter = retryAfter;
    }

    /** When trying again is worth it. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
