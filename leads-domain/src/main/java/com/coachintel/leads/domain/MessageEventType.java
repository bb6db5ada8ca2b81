package com.coachintel.leads.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * What happened to a message, as the email or SMS provider reported it. Past tense; CoachIntel's old names map as
 * {@code send} → {@link #SENT}, {@code open} → {@link #OPENED}, {@code click} → {@link #CLICKED}, {@code bounce} →
 * {@link #BOUNCED} and {@code complaint} → {@link #COMPLAINED}.
 */
public enum MessageEventType {
    SENT, DELIVERED, OPENED, CLICKED, BOUNCED, REPLIED, FAILED, UNSUBSCRIBED,
    /** The recipient marked the message as spam. */
    COMPLAINED;

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
