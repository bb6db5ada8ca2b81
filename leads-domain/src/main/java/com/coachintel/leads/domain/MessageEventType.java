package com.coachintel.leads.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What happened to a message, as the email or SMS provider reported it. */
public enum MessageEventType {
    SENT, DELIVERED, OPENED, CLICKED, BOUNCED, REPLIED, FAILED, UNSUBSCRIBED;

    /** The lower-case name used on the wire and in storage. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name exactly; empty for anything else. */
    public static Optional<MessageEventType> fromWireName(String value) {
        return Arrays.stream(values()).filter(v -> v.wireName().equals(value)).findFirst();
    }
}
