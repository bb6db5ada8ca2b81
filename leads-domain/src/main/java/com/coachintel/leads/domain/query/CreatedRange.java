package com.coachintel.leads.domain.query;

import java.time.Instant;

/**
 * A window on {@code created_at}: {@code from} inclusive, {@code toExclusive} exclusive; either may be
 * null for an open end. A window must be able to hold an instant: check input with {@link #canHold} first and
 * name the offending fields in the caller's terms, because the domain does not know what the caller calls them.
 */
public record CreatedRange(Instant from, Instant toExclusive) {

    /** No window: any creation time. */
    public static final CreatedRange ALWAYS = new CreatedRange(null, null);

    public CreatedRange {
        if (!canHold(from, toExclusive)) {
            throw new IllegalArgumentException("an empty window: from " + from + " is not before " + toExclusive);
        }
    }

    /** Whether a window with these ends holds any instant (a start before the end, or an open end). */
    public static boolean canHold(Instant from, Instant toExclusive) {
        return from == null || toExclusive == null || from.isBefore(toExclusive);
    }

    /** Whether neither end is set. */
    public boolean isUnbounded() {
        return from == null && toExclusive == null;
    }
}
