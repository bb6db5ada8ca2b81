package com.coachintel.leads.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a message reached (or failed to reach) a lead. */
public enum MessageChannel {
    EMAIL, SMS;

    /** The lower-case name used on the wire and in storage. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name exactly; empty for anything else. */
    public static Optional<MessageChannel> fromWireName(String value) {
        return Arrays.stream(values()).filter(v -> v.wireName().equals(value)).findFirst();
    }
}
