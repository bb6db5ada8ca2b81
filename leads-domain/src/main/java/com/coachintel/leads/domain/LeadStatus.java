package com.coachintel.leads.domain;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.EnumMap;

/**
 * Where a lead stands in the coaching funnel, with the transitions the lifecycle allows.
 *
 * <p>The transition table is data, not scattered conditionals: waitlist→invited, waitlist→lost,
 * invited→converted, invited→lost, invited→waitlist, lost→waitlist. {@link #CONVERTED} is final.
 */
public enum LeadStatus {
    /** Signed up and waiting for an invitation. */
    WAITLIST,
    /** Invited to book or buy. */
    INVITED,
    /** Became a client; final. */
    CONVERTED,
    /** Dropped out; may come back to the waitlist. */
    LOST;

    private static final Map<LeadStatus, Set<LeadStatus>> ALLOWED_NEXT = allowedTransitions();

    private static Map<LeadStatus, Set<LeadStatus>> allowedTransitions() {
        Map<LeadStatus, Set<LeadStatus>> table = new EnumMap<>(LeadStatus.class);
        table.put(WAITLIST, EnumSet.of(INVITED, LOST));
        table.put(INVITED, EnumSet.of(CONVERTED, LOST, WAITLIST));
        table.put(CONVERTED, EnumSet.noneOf(LeadStatus.class));
        table.put(LOST, EnumSet.of(WAITLIST));
        table.replaceAll((from, to) -> Collections.unmodifiableSet(to));
        return Collections.unmodifiableMap(table);
    }

    private static final Map<String, LeadStatus> BY_WIRE_NAME = byWireName();

    // Computed once: every list row and export row asks for it.
    private final String wireName = name().toLowerCase(Locale.ROOT);

    private static Map<String, LeadStatus> byWireName() {
        Map<String, LeadStatus> byName = new java.util.HashMap<>();
        for (LeadStatus status : values()) {
            byName.put(status.wireName, status);
        }
        return Map.copyOf(byName);
    }

    /** The lower-case name used on the wire and in storage, such as {@code waitlist}. */
    public String wireName() {
        return wireName;
    }

    /** Parses a wire name exactly ({@code waitlist}, {@code invited}, ...); empty for anything else. */
    public static Optional<LeadStatus> fromWireName(String value) {
        return value == null ? Optional.empty() : Optional.ofNullable(BY_WIRE_NAME.get(value));
    }

    /** The statuses this one may move to directly; empty for a final status. */
    public Set<LeadStatus> allowedNext() {
        return ALLOWED_NEXT.get(this);
    }

    /** Whether the lifecycle allows moving from this status to {@code target}. */
    public boolean canMoveTo(LeadStatus target) {
        return allowedNext().contains(target);
    }

    /**
     * Returns {@code target} when the lifecycle allows the move.
     *
     * @throws InvalidStatusTransitionException naming both statuses and the allowed next ones otherwise
     */
    public LeadStatus moveTo(LeadStatus target) {
        if (!canMoveTo(target)) {
            throw new InvalidStatusTransitionException(this, target);
        }
        return target;
    }
}
