package com.coachintel.leads.domain;

import java.util.Locale;
import java.util.Optional;

/** How a message reached (or failed to reach) a lead. */
public enum MessageChannel {
    EMAIL, SMS;

    // Computed once, like the array below: every message event read or written asks for them.
    private final String wireName = name().toLowerCase(Locale.ROOT);
    private static final MessageChannel[] ALL = values();

    /** The lower-case name used on the wire and in storage. */
    public String wireName() {
        return wireName;
    }

    /** Parses a wire name exactly; empty for anything else. */
    public static Optional<MessageChannel> fromWireName(String value) {
        for (MessageChannel candidate : ALL) {
            if (candidate.wireName.equals(value)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
