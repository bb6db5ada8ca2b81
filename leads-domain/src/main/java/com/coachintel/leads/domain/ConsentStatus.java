package com.coachintel.leads.domain;

import java.util.Locale;
import java.util.Optional;

/** Whether a consent-ledger entry gives consent or withdraws it. */
public enum ConsentStatus {
    GRANTED, REVOKED;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** The lower-case name used on the wire and in history, such as {@code granted}. */
    public String wireName() {
        return wireName;
    }

    /** Parses a wire name exactly; empty for anything else. */
    public static Optional<ConsentStatus> fromWireName(String value) {
        for (ConsentStatus candidate : values()) {
            if (candidate.wireName.equals(value)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The status of an entry stored as granted or not. */
    public static ConsentStatus of(boolean granted) {
        return granted ? GRANTED : REVOKED;
    }
}
