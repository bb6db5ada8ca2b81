package com.coachintel.leads.domain.port;

import java.time.Duration;
import java.util.Objects;

/**
 * Counts attempts per bucket (such as one client address) in fixed windows. Shared by every process on the
 * same store, so that several instances enforce one limit.
 */
public interface RateLimiter {

    /**
     * Counts one attempt in {@code bucket}'s current window of length {@code window}.
     *
     * @param limit the most attempts a window allows
     * @return whether this attempt is within the limit, and if not, how long until the window ends
     */
    Decision acquire(String bucket, int limit, Duration window);

    /**
     * @param allowed    whether the attempt is within the limit
     * @param retryAfter when not allowed, how long until a new window opens; zero otherwise
     */
    record Decision(boolean allowed, Duration retryAfter) {
        public Decision {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }
}
