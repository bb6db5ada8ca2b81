package com.coachintel.leads.domain;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.EnumMap;

/**
 * Where a lead stands in the coaching funnel, with the moves the lifecycle allows. The table is data, not
 * scattered conditionals:
 *
 * <table>
 *   <caption>Moves</caption>
 *   <tr><th>from</th><th>to</th></tr>
 *   <tr><td>waitlist</td><td>invited, converted, lost</td></tr>
 *   <tr><td>invited</td><td>waitlist, converted, lost</td></tr>
 *   <tr><td>lost</td><td>waitlist, invited, converted</td></tr>
 *   <tr><td>converted</td><td>lost (the client churned); waitlist or invited only as a correction, with a reason</td></tr>
 * </table>
 *
 * <p>A correction undoes a mistaken conversion (a mis-click on Convert): it needs a reason, and history marks it.
 */
public enum LeadStatus {
    /** Signed up and waiting for an invitation. */
    WAITLIST,
    /** Invited to book or buy. */
    INVITED,
    /** Became a client; may churn (lost), or be corrected back with a reason. */
    CONVERTED,
    /** Dropped out; may come back. */
    LOST;

    private static final Map<LeadStatus, Set<LeadStatus>> ALLOWED_NEXT = allowedTransitions();

    private static Map<LeadStatus, Set<LeadStatus>> allowedTransitions() {
        Map<LeadStatus, Set<LeadStatus>> table = new EnumMap<>(LeadStatus.class);
        table.put(WAITLIST, EnumSet.of(INVITED, CONVERTED, LOST));
        table.put(INVITED, EnumSet.of(WAITLIST, CONVERTED, LOST));
        table.put(CONVERTED, EnumSet.of(LOST));
        table.put(LOST, EnumSet.of(WAITLIST, INVITED, CONVERTED));
        table.replaceAll((from, to) -> Collections.unmodifiableSet(to));
        return Collections.unmodifiableMap(table);
    }

    /** Moves allowed only as a correction, with a reason. */
    private static final Map<LeadStatus, Set<LeadStatus>> CORRECTIONS = Map.of(
            CONVERTED, Collections.unmodifiableSet(EnumSet.of(WAITLIST, INVITED)),
            WAITLIST, Set.of(), INVITED, Set.of(), LOST, Set.of());

    private static final Map<LeadStatus, Set<LeadStatus>> REACHABLE = reachable();

    private static Map<LeadStatus, Set<LeadStatus>> reachable() {
        Map<LeadStatus, Set<LeadStatus>> table = new EnumMap<>(LeadStatus.class);
        for (LeadStatus from : values()) {
            Set<LeadStatus> all = EnumSet.noneOf(LeadStatus.class);
            all.addAll(ALLOWED_NEXT.get(from));
            all.addAll(CORRECTIONS.get(from));
            table.put(from, Collections.unmodifiableSet(all));
        }
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

    /** Every status this one may move to: plain moves and corrections (which need a reason). */
    public Set<LeadStatus> allowedNext() {
        return REACHABLE.get(this);
    }

    /** The statuses this one may move to only as a correction, with a reason. */
    public Set<LeadStatus> correctionsNext() {
        return CORRECTIONS.get(this);
    }

    /** Whether the lifecycle allows moving from this status to {@code target} without a reason. */
    public boolean canMoveTo(LeadStatus target) {
        return ALLOWED_NEXT.get(this).contains(target);
    }

    /**
     * Returns {@code target} when the lifecycle allows the move without a reason.
     *
     * @throws InvalidStatusTransitionException naming both statuses and the allowed next ones otherwise
     */
    public LeadStatus moveTo(LeadStatus target) {
        return move(target, null).to();
    }

    /**
     * The move to {@code target}: a plain move, or a correction when {@code reason} is given and the table allows
     * the move only as one.
     *
     * @param reason why; required for a correction, may be null otherwise
     * @throws InvalidStatusTransitionException when the lifecycle forbids the move, or it is a correction without a reason
     */
    public Move move(LeadStatus target, String reason) {
        if (canMoveTo(target)) {
            return new Move(target, false);
        }
        if (correctionsNext().contains(target)) {
            if (reason == null || reason.isBlank()) {
                throw new InvalidStatusTransitionException(this, target, true);
            }
            return new Move(target, true);
        }
        throw new InvalidStatusTransitionException(this, target, false);
    }

    /**
     * A move the lifecycle allows.
     *
     * @param to         where the lead goes
     * @param correction whether it undoes a conversion (and so carried a reason)
     */
    public record Move(LeadStatus to, boolean correction) {
    }
}
