package com.coachintel.leads.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A recorded move in the lifecycle.
 *
 * @param from      the status before; null for a lead's first status
 * @param to        the status after
 * @param changedBy who made the change (a user's email, or {@code system:...})
 * @param changedAt when
 * @param reason     why, in the user's words; may be null, except for a correction
 * @param correction whether the move corrects a conversion (converted→waitlist or invited)
 */
public record StatusChange(LeadStatus from, LeadStatus to, String changedBy, Instant changedAt, String reason,
        boolean correction) {

    public StatusChange {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(changedBy, "changedBy");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    /** A plain move, not a correction. */
    public StatusChange(LeadStatus from, LeadStatus to, String changedBy, Instant changedAt, String reason) {
        this(from, to, changedBy, changedAt, reason, false);
    }
}
