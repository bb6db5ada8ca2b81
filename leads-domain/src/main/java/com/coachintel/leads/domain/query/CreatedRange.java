package com.coachintel.leads.domain.query;

import com.coachintel.leads.domain.ValidationException;
import java.time.Instant;

/**
 * A window on {@code created_at}: {@code from} inclusive, {@code toExclusive} exclusive; either may be
 * null for an open end. A window whose start is after its end is rejected.
 */
public record CreatedRange(Instant from, Instant toExclusive) {

    public CreatedRange {
        if (from != null && toExclusive != null && from.isAfter(toExclusive)) {
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
