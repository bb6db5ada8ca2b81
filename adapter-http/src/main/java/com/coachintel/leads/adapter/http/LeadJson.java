package com.coachintel.leads.adapter.http;

import com.coachintel.leads.domain.Consent;
import com.coachintel.leads.domain.HistoryEntry;
import com.coachintel.leads.domain.MessageEvent;
import com.coachintel.leads.domain.StatusChange;
import com.coachintel.leads.domain.query.Page;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The JSON shapes of the lead API, as {@code docs/openapi.yaml} defines them: snake_case names (the
 * mapper's naming strategy), ISO-8601 UTC timestamps, {@code null} for absent values. A lead itself is
 * written by {@link LeadSerializers}.
 */
final class LeadJson {

    private LeadJson() {
    }

    /** {@code {items, total, limit, offset}}. */
    record PageJson<T>(List<T> items, long total, int limit, int offset) {
        static <D, T> PageJson<T> from(Page<D> page, Function<D, T> mapper) {
            return new PageJson<>(page.items().stream().map(mapper).toList(), page.total(), page.limit(), page.offset());
        }
    }

    /** The consent in force per channel; null where the ledger has no entry. */
    record Consents(ConsentJson email, ConsentJson sms) {
    }

    /** The latest ledger entry of a channel. */
    record ConsentJson(String status, Instant capturedAt, String source) {
        static ConsentJson from(Optional<Consent> consent) {
            return consent.map(c -> new ConsentJson(c.granted() ? "granted" : "revoked", c.capturedAt(), c.source()))
                    .orElse(null);
        }
    }

    /** A move in the lifecycle; {@code correction} when it undid a conversion. */
    record StatusChangeJson(String from, String to, String changedBy, Instant changedAt, String reason, boolean correction) {
        static StatusChangeJson from(StatusChange change) {
            return new StatusChangeJson(change.from() == null ? null : change.from().wireName(), change.to().wireName(),
                    change.changedBy(), change.changedAt(), change.reason(), change.correction());
        }
    }

    /**
     * A message event as CoachIntel's page reads it: {@code id} a string, {@code meta} the provider's JSON object,
     * passed through as it is stored (decision 0006); {@code provider_message_id} besides.
     */
    record Event(String id, String channel, String type, Instant occurredAt, @JsonRawValue String meta,
            String providerMessageId) {
        static Event from(MessageEvent event) {
            return new Event(Long.toString(event.id()), event.channel().wireName(), event.type().wireName(),
                    event.occurredAt(), event.metadataJson(), event.providerMessageId());
        }
    }

    /** A status change or an audited field change; values are a status or text, a list of tags, or null. */
    record HistoryJson(String field, Object oldValue, Object newValue, String changedBy, Instant changedAt, String reason,
            boolean correction) {
        static HistoryJson from(HistoryEntry entry) {
            return new HistoryJson(entry.field(), entry.before(), entry.after(), entry.changedBy(), entry.changedAt(),
                    entry.reason(), entry.correction());
        }
    }
}
