package com.coachintel.leads.domain;

import java.util.Locale;
import java.util.Optional;

/** What happened to a message, as the email or SMS provider reported it. */
public enum MessageEventType {
    SENT, DELIVERED, OPENED, CLICKED, BOUNCED, REPLIED, FAILED, UNSUBSCRIBED;

    // Computed once, like the array below: every message event read or written asks for them.
    private final String wireName = name().toLowerCase(Locale.ROOT);
    private static final MessageEventType[] ALL = values();

    /** The lower-case name used on the wire and in storage. */
    public String wireName() {
        return wireName;
    }

    /** Parses a wire name exactly; empty for anything else. */
    public static Optional<MessageEventType> fromWireName(String value) {
        for (MessageEventType candidate : ALL) {
            if (candidate.wireName.equals(value)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
