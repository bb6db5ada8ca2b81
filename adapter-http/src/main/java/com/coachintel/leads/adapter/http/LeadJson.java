package com.coachintel.leads.adapter.http;

import com.coachintel.leads.domain.Consent;
import com.coachintel.leads.domain.HistoryEntry;
import com.coachintel.leads.domain.LeadDetails;
import com.coachintel.leads.domain.LeadListItem;
import com.coachintel.leads.domain.LeadStatus;
import com.coachintel.leads.domain.MessageEvent;
import com.coachintel.leads.domain.StatusChange;
import com.coachintel.leads.domain.Tag;
import com.coachintel.leads.domain.query.LeadQuery;
import com.coachintel.leads.domain.query.ListPosition;
import com.coachintel.leads.domain.query.Page;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The JSON shapes of the lead API, as {@code docs/openapi.yaml} defines them: snake_case names (the
 * mapper's naming strategy), ISO-8601 UTC timestamps, {@code null} for absent values. A lead in a list is
 * written by {@link LeadSerializers}, the one hand-written serializer (the list profile shows it pays).
 */
final class LeadJson {

    private LeadJson() {
    }

    /**
     * A page of the lead list: {@code next_cursor} continues after its last lead (null on the last page), and
     * {@code offset} is null on a page that a cursor started.
     */
    record LeadPage(List<LeadListItem> items, long total, int limit, Integer offset, String nextCursor) {
        static LeadPage from(Page<LeadListItem> page, LeadQuery query) {
            String next = null;
            if (page.hasMore() && !page.items().isEmpty()) {
                LeadListItem last = page.items().get(page.items().size() - 1);
                next = LeadCursors.after(new ListPosition(last.createdAt(), last.id()), query.filters());
            }
            return new LeadPage(page.items(), page.total(), page.limit(),
                    query.after().isPresent() ? null : page.offset(), next);
        }
    }

    /** {@code {items, total, limit, offset}}. */
    record PageJson<T>(List<T> items, long total, int limit, int offset) {
        static <D, T> PageJson<T> from(Page<D> page, Function<D, T> mapper) {
            return new PageJson<>(page.items().stream().map(mapper).toList(), page.total(), page.limit(), page.offset());
        }
    }

    /**
     * One lead with notes, the consent in force per channel (null where the ledger has none, and once more as one
     * word per channel, which CoachIntel's page reads), recent status changes, and the moves a page may offer: plain
     * ones, and corrections, which need a reason.
     */
    record Detail(String id, Instant createdAt, Instant updatedAt, String status, String firstName, String lastName,
            String email, String phone, List<String> tags, String source, String utmSource, String utmMedium,
            String utmCampaign, Instant lastContactedAt, long version, String notes, Instant notesUpdatedAt,
            String notesUpdatedBy, Consents consents, String consentEmail, String consentSms,
            List<StatusChangeJson> recentStatusChanges, List<String> allowedNext, List<String> correctionNext) {

        static Detail from(LeadDetails details) {
            LeadListItem lead = details.lead();
            return new Detail(lead.id().toString(), lead.createdAt(), lead.updatedAt(), lead.status().wireName(),
                    lead.firstName(), lead.lastName(), lead.email(), lead.phone(), lead.tags().stream().map(Tag::value).toList(),
                    lead.source(), lead.utmSource(), lead.utmMedium(), lead.utmCampaign(), lead.lastContactedAt(),
                    lead.version(), details.notes(), details.notesUpdatedAt(), details.notesUpdatedBy(),
                    new Consents(ConsentJson.from(details.emailConsent()), ConsentJson.from(details.smsConsent())),
                    flat(details.emailConsent()), flat(details.smsConsent()),
                    details.recentStatusChanges().stream().map(StatusChangeJson::from).toList(),
                    inLifecycleOrder(lead.status().allowedNext()), inLifecycleOrder(lead.status().correctionsNext()));
        }

        /** {@code opted_in} for a granted consent in force, {@code opted_out} for a revoked one, {@code unknown} without. */
        private static String flat(Optional<Consent> consent) {
            return consent.map(c -> c.granted() ? "opted_in" : "opted_out").orElse("unknown");
        }

        private static List<String> inLifecycleOrder(Set<LeadStatus> statuses) {
            return Arrays.stream(LeadStatus.values()).filter(statuses::contains).map(LeadStatus::wireName).toList();
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
