package com.coachintel.leads.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing that happened to a message sent to a lead.
 *
 * @param id                the event's id, increasing in insertion order (the tie-break of the ordering)
 * @param channel           email or sms
 * @param type              sent, delivered, opened, ...
 * @param occurredAt        when the provider says it happened
 * @param providerMessageId the provider's id of the message; may be null
 * @param metadataJson      the provider's extra data, a JSON object as text, passed through unchanged
 */
public record MessageEvent(long id, MessageChannel channel, MessageEventType type, Instant occurredAt,
        String providerMessageId, String metadataJson) {

    public MessageEvent {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(metadataJson, "metadataJson");
    }
}
