package com.coachintel.leads.domain.message;

import com.coachintel.leads.domain.ConsentStatus;
import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.MessageChannel;
import com.coachintel.leads.domain.MessageEventType;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One event a provider reports (a delivery, an open, a bounce, an opt-out), already read from its payload.
 *
 * @param provider          who reports it, such as {@code postmark} or {@code twilio}; becomes the consent's source
 * @param eventKey          what makes a redelivery the same event: the provider's own identity of it (such as
 *                          message id, record type and timestamp); never null, so duplicates are one row
 * @param channel           email or sms
 * @param type              the event recorded on the lead
 * @param occurredAt        when the provider says it happened
 * @param address           the lead's address as the provider knows it: an email (lower-cased) or an E.164 phone
 * @param leadHint          a lead id the message carried (metadata, a callback parameter); believed only when that
 *                          lead has {@code address}
 * @param providerMessageId the provider's message id; may be null (a manual suppression has none)
 * @param metaJson          the payload kept as the event's meta: a JSON object, at most {@link #MAX_META_CHARS}
 * @param scope             whether this is a fact about the address (applies to every lead with it, in every org) or
 *                          about one message's engagement (dropped when the address is ambiguous)
 * @param consent           the consent it changes, if any
 * @param contacted         whether it proves the lead was contacted then ({@code last_contacted_at})
 */
public record ProviderReport(String provider, String eventKey, MessageChannel channel, MessageEventType type,
        Instant occurredAt, String address, Optional<LeadId> leadHint, String providerMessageId, String metaJson,
        Scope scope, Optional<ConsentChange> consent, boolean contacted) {

    /** The most characters of the payload kept as meta; a larger payload is kept as a summary. */
    public static final int MAX_META_CHARS = 8_192;

    public ProviderReport {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(eventKey, "eventKey");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(leadHint, "leadHint");
        Objects.requireNonNull(metaJson, "metaJson");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(consent, "consent");
        if (metaJson.length() > MAX_META_CHARS) {
            throw new IllegalArgumentException("meta is " + metaJson.length() + " characters, at most " + MAX_META_CHARS);
        }
    }

    /** Whether a report is about an address or about one message. */
    public enum Scope {
        /** A hard bounce, a complaint, a suppression, a carrier opt-out: true of the address wherever it is a lead's. */
        ADDRESS,
        /** A delivery, an open, a click, a status callback: about one message to one lead. */
        MESSAGE
    }

    /**
     * A consent entry the report appends.
     *
     * @param status granted or revoked
     * @param reason why, as the provider says it (such as {@code HardBounce}); becomes the entry's text version
     */
    public record ConsentChange(ConsentStatus status, String reason) {
        public ConsentChange {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
