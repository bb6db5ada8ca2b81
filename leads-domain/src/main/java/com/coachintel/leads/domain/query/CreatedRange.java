package com.coachintel.leads.domain.query;

import com.coachintel.leads.domain.ValidationException;
import java.time.Instant;

/**
 * A window on {@code created_at}: {@code from} inclusive, {@code toExclusive} exclusive; either may be
 * null for an open end. A window that cannot hold any instant (start at or after the exclusive end,
 * which is what a date_from after the date_to comes to) is rejected.
 */
public record CreatedRange(Instant from, Instant toExclusive) {

    public CreatedRange {
        if (from != null && toExclusive != null && !from.isBefore(toExclusive)) {
            throw new ValidationException(java.util.List.of(
                    new ValidationException.Violation("date_from", "must not be after date_to"),
                    new ValidationException.Violation("date_to", "must not be before date_from")));
        }
    }

    /** Whether neither end is set. */
    public boolean isUnbounded() {
        return from == null && toExclusive == null;
    }
}
