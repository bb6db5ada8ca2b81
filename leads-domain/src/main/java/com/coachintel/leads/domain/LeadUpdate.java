package com.coachintel.leads.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a change to a lead: the lead after it and the audit of what changed. An unchanged
 * update ({@link #changed()} false) leaves the lead, its version and its history alone.
 *
 * @param before        the lead before the change
 * @param after         the lead after the change; the same object when nothing changed
 * @param fieldChanges  audited field changes, in field order
 * @param statusChange  the lifecycle move, if the status changed
 * @param changedBy     who made the change
 * @param changedAt     when
 */
public record LeadUpdate(Lead before, Lead after, List<FieldChange> fieldChanges, Optional<StatusChange> statusChange,
        String changedBy, Instant changedAt) {

    public LeadUpdate {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(statusChange, "statusChange");
        fieldChanges = List.copyOf(fieldChanges);
    }

    static LeadUpdate unchanged(Lead lead) {
        return new LeadUpdate(lead, lead, List.of(), Optional.empty(), null, null);
    }

    static LeadUpdate of(Lead before, Lead after, List<FieldChange> fieldChanges, Optional<StatusChange> statusChange,
            String by, Instant at) {
        if (fieldChanges.isEmpty() && statusChange.isEmpty()) {
            return unchanged(before);
        }
        return new LeadUpdate(before, after, fieldChanges, statusChange, Objects.requireNonNull(by, "by"),
                Objects.requireNonNull(at, "at"));
    }

    /** Whether anything changed (and so must be stored, with a new version). */
    public boolean changed() {
        return after != before;
    }
}
