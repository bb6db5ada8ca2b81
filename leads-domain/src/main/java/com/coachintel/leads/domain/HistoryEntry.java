package com.coachintel.leads.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One recorded change of a lead: a status change or an audited field change.
 *
 * @param field     {@code status}, {@code tags}, {@code phone}, {@code notes}, {@code created}, {@code captured},
 *                  {@code consent_email} or {@code consent_sms}
 * @param before    the value before: a status or text ({@code String}), tag names ({@code List<String>}), or null
 * @param after     the value after, in the same form
 * @param changedBy who made the change
 * @param changedAt when
 * @param reason     why (status changes only); may be null
 * @param correction whether a status change corrected a conversion; false for every other entry
 */
public record HistoryEntry(String field, Object before, Object after, String changedBy, Instant changedAt, String reason,
        boolean correction) {

    public HistoryEntry {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(changedBy, "changedBy");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    /** An entry that is no correction. */
    public HistoryEntry(String field, Object before, Object after, String changedBy, Instant changedAt, String reason) {
        this(field, before, after, changedBy, changedAt, reason, false);
    }
}
