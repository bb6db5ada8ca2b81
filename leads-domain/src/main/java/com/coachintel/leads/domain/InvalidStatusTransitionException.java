package com.coachintel.leads.domain;

import java.util.Set;
import java.util.stream.Collectors;

/** A status change the lifecycle forbids, such as converted→waitlist. */
public final class InvalidStatusTransitionException extends DomainException {

    private final LeadStatus from;
    private final LeadStatus to;

    public InvalidStatusTransitionException(LeadStatus from, LeadStatus to) {
        super("invalid-status-transition", describe(from, to));
        this.from = from;
        this.to = to;
    }

    private static String describe(LeadStatus from, LeadStatus to) {
        Set<LeadStatus> allowed = from.allowedNext();
        String next = allowed.isEmpty()
                ? "none: " + from.wireName() + " is final"
                : allowed.stream().map(LeadStatus::wireName).collect(Collectors.joining(", "));
        return "A lead cannot move from " + from.wireName() + " to " + to.wireName()
                + "; allowed next statuses: " + next;
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
