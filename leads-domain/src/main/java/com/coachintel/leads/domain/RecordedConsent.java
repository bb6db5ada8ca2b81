package com.coachintel.leads.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * A consent-ledger entry as stored.
 *
 * @param id         increases with every entry recorded, so it orders entries by when they were recorded
 * @param entry      the entry and its proof
 * @param recordedAt when it was recorded
 */
public record RecordedConsent(long id, ConsentEntry entry, Instant recordedAt) {

    /**
     * The ledger's order, newest first: latest {@code capturedAt} first, and of entries captured at the same
     * instant the one recorded later. The first entry of a channel in this order is the consent in force.
     */
    public static final Comparator<RecordedConsent> IN_FORCE_FIRST = Comparator
            .comparing((RecordedConsent recorded) -> recorded.entry().capturedAt())
            .thenComparingLong(RecordedConsent::id)
            .reversed();

    public RecordedConsent {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    /** The entry as the detail view shows the consent in force. */
    public Consent asConsent() {
        return new Consent(entry.channel(), entry.granted(), entry.capturedAt(), entry.source());
    }
}
