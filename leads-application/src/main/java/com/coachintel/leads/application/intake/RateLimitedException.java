package com.coachintel.leads.application.intake;

import com.coachintel.leads.domain.DomainException;
import java.time.Duration;

/** Too many attempts from one client in the current window; {@link #retryAfter()} says when to try again. */
public final class RateLimitedException extends DomainException {

    private final Duration retryAfter;

    public RateLimitedException(Duration retryAfter) {
        super("rate-limited", "Too many sign-ups from your address; try again in " + Math.max(1, retryAfter.toSeconds())
                + " seconds");
        this.retryAfter = retryAfter;
    }

    /** How long until the limit lets this client in again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
