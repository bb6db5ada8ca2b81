package com.coachintel.leads.domain;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * A status change the lifecycle forbids, or a correction (such as converted→waitlist) asked for without the reason
 * it needs.
 */
public final class InvalidStatusTransitionException extends DomainException {

    private final LeadStatus from;
    private final LeadStatus to;
    private final boolean reasonRequired;

    public InvalidStatusTransitionException(LeadStatus from, LeadStatus to, boolean reasonRequired) {
        super("invalid-status-transition", describe(from, to, reasonRequired));
        this.from = from;
        this.to = to;
        this.reasonRequired = reasonRequired;
    }

    private static String describe(LeadStatus from, LeadStatus to, boolean reasonRequired) {
        if (reasonRequired) {
            return "Moving a lead from " + from.wireName() + " to " + to.wireName() + " corrects a conversion and needs a"
                    + " reason: send the status with a reason";
        }
        Set<LeadStatus> allowed = from.allowedNext();
        String next = allowed.isEmpty()
                ? "none: " + from.wireName() + " is final"
                : allowed.stream().map(status -> status.wireName()
                        + (from.correctionsNext().contains(status) ? " (as a correction, with a reason)" : ""))
                        .collect(Collectors.joining(", "));
        return "A lead cannot move from " + from.wireName() + " to " + to.wireName()
                + "; allowed next statuses: " + next;
    }

    /** Whether the move is allowed as a correction and only the reason was missing. */
    public boolean reasonRequired() {
        return reasonRequired;
    }

    /** The status the lead has. */
    public LeadStatus from() {
        return from;
    }

    /** The status that was asked for. */
    public LeadStatus to() {
        return to;
    }
}
