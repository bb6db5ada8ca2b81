package com.coachintel.leads.domain;

import java.util.Locale;
import java.util.Optional;

/** A channel a lead can consent to be contacted on. */
public enum ConsentChannel {
    EMAIL, SMS;

    // Computed once: every lead detail asks for it.
    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** The lower-case name used on the wire and in storage. */
    public String wireName() {
        return wireName;
    }

    /** Parses a wire name exactly; empty for anything else. */
    public static Optional<ConsentChannel> fromWireName(String value) {
        for (ConsentChannel candidate : values()) {
            if (candidate.wireName.equals(value)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
