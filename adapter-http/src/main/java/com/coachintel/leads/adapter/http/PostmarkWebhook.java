package com.coachintel.leads.adapter.http;

import com.coachintel.leads.application.message.RecordMessageEventUseCase;
import com.coachintel.leads.domain.ConsentStatus;
import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.MessageChannel;
import com.coachintel.leads.domain.MessageEventType;
import com.coachintel.leads.domain.Uuids;
import com.coachintel.leads.domain.ValidationException;
import com.coachintel.leads.domain.Violations;
import com.coachintel.leads.domain.message.ProviderReport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks/postmark}: Postmark's webhooks, authenticated by the basic auth its webhook URL carries, read
 * by {@code RecordType} into {@link ProviderReport}s for the {@link RecordMessageEventUseCase}.
 *
 * <p>Answers 200 for anything handled or deliberately dropped (an unknown recipient, an engagement event of an
 * address several orgs share): Postmark retries anything else. Wrong credentials are 401, not 403, after which Postmark
 * would stop retrying for good. A payload it could never have sent is 400 with nothing written.
 *
 * <p>Which bounces withdraw email consent ({@link #REVOKING_BOUNCES}): those after which Postmark will not send to the
 * address again, or that say the address is wrong or the person objects. A bounce whose {@code Inactive} is true
 * (Postmark deactivated the address) withdraws it whatever its type. The others are recorded only.
 */
final class PostmarkWebhook {

    static final String PROVIDER = "postmark";
    private static final Logger LOG = LoggerFactory.getLogger(PostmarkWebhook.class);

    /** Bounce types that withdraw email consent; docs/integration.md has the whole table. */
    static final Set<String> REVOKING_BOUNCES = Set.of("HardBounce", "SpamNotification", "SpamComplaint",
            "BadEmailAddress", "ManuallyDeactivated", "Unsubscribe");
    /** Every bounce type Postmark documents; an unknown one is recorded like Unknown. */
    static final Set<String> BOUNCE_TYPES = Set.of("HardBounce", "Transient", "Unsubscribe", "Subscribe", "AutoResponder",
            "AddressChange", "DnsError", "SpamNotification", "OpenRelayTest", "Unknown", "SoftBounce", "VirusNotification",
            "ChallengeVerification", "BadEmailAddress", "SpamComplaint", "ManuallyDeactivated", "Unconfirmed", "Blocked",
            "SMTPApiError", "InboundError", "DMARCPolicy", "TemplateRenderingFailed");
    private static final Map<String, String> TIMESTAMP_FIELDS = Map.of("Delivery", "DeliveredAt", "Open", "ReceivedAt",
            "Click", "ReceivedAt", "Bounce", "BouncedAt", "SpamComplaint", "BouncedAt", "SubscriptionChange", "ChangedAt");
    private static final int MAX_ADDRESS_LENGTH = 320;

    private final Optional<byte[]> expectedAuthorizationDigest;
    private final Optional<RecordMessageEventUseCase> events;

    PostmarkWebhook(Optional<HttpSettings.BasicCredentials> credentials, Optional<RecordMessageEventUseCase> events) {
        this.expectedAuthorizationDigest = credentials.map(c -> Secrets.digest("Basic " + Base64.getEncoder().encodeToString(
                (c.user() + ":" + c.password()).getBytes(StandardCharsets.UTF_8))));
        this.events = Objects.requireNonNull(events, "events");
    }

    void handle(Context ctx) {
        if (expectedAuthorizationDigest.isEmpty() || events.isEmpty()) {
            throw new io.javalin.http.NotFoundResponse("The Postmark webhook is not enabled on this server"
                    + " (set LEADS_POSTMARK_WEBHOOK_USER and LEADS_POSTMARK_WEBHOOK_PASSWORD)");
        }
        QueryParameters.requireNone(ctx);
        if (!Secrets.matches(expectedAuthorizationDigest.get(), ctx.header("Authorization"))) {
            ctx.header("WWW-Authenticate", "Basic realm=\"postmark-webhook\", charset=\"UTF-8\"");
            throw new WebhookUnauthorizedException();
        }
        Optional<ProviderReport> read = read(ctx);
        if (read.isEmpty()) {
            HttpMetrics.name(ctx, "dropped");
            JsonResponses.send(ctx, new Answer("dropped", 0, 0));
            return;
        }
        ProviderReport report = read.get();
        RecordMessageEventUseCase.Outcome outcome = events.get().record(report);
        HttpMetrics.name(ctx, outcome);
        outcome.dropped().ifPresent(why -> LOG.info("request {}: Postmark {} {} dropped: {}", RequestIds.of(ctx),
                report.type().wireName(), Objects.toString(report.providerMessageId(), "(no message id)"), why));
        JsonResponses.send(ctx, new Answer(outcome.dropped().isPresent() ? "dropped" : "recorded", outcome.recorded(),
                outcome.duplicates()));
    }

    /** What a delivery of a webhook did: {@code recorded} or {@code dropped}, with the counts. */
    record Answer(String status, int recorded, int duplicates) {
    }

    /** A payload as Postmark documents it, or a 400 naming the property that is not. */
    static Optional<ProviderReport> read(Context ctx) {
        JsonBody.requireUtf8(ctx);
        JsonBody.requireJsonContentType(ctx);
        JsonNode tree;
        try {
            tree = JsonMapping.MAPPER.readTree(new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw JsonRequests.notValidJson(e);
        }
        if (!(tree instanceof ObjectNode payload)) {
            throw ValidationException.of("body", "must be a JSON object");
        }
        return read(payload);
    }

    /** The report, or empty for a payload recorded on purpose as nothing (a reactivation). */
    static Optional<ProviderReport> read(ObjectNode payload) {
        Violations violations = new Violations();
        String recordType = text(payload, "RecordType", violations, true);
        if (recordType == null) {
            violations.throwIfAny();
        }
        String timestampField = TIMESTAMP_FIELDS.get(recordType);
        if (timestampField == null) {
            throw ValidationException.of("RecordType", "must be one of Delivery, Open, Click, Bounce, SpamComplaint,"
                    + " SubscriptionChange, got '" + QueryParameters.abbreviate(recordType) + "'");
        }
        boolean bounceLike = recordType.equals("Bounce") || recordType.equals("SpamComplaint");
        String addressField = bounceLike ? "Email" : "Recipient";
        String address = text(payload, addressField, violations, true);
        if (address != null && (address.length() > MAX_ADDRESS_LENGTH || address.indexOf('@') < 1)) {
            violations.add(addressField, "must be an email address");
        }
        String timestampText = text(payload, timestampField, violations, true);
        Instant occurredAt = timestampText == null ? null : instant(timestampText, timestampField, violations);
        String messageId = text(payload, "MessageID", violations, false);
        if (messageId != null && messageId.length() > 100) {
            violations.add("MessageID", "must be at most 100 characters");
        }
        Optional<LeadId> hint = leadHint(payload, violations);
        String bounceType = recordType.equals("Bounce") ? text(payload, "Type", violations, true) : null;
        Boolean suppress = recordType.equals("SubscriptionChange") ? bool(payload, "SuppressSending", violations, true) : null;
        boolean inactive = Boolean.TRUE.equals(bounceLike ? bool(payload, "Inactive", violations, false) : null);
        violations.throwIfAny();

        MessageEventType type;
        ProviderReport.Scope scope = ProviderReport.Scope.MESSAGE;
        Optional<ProviderReport.ConsentChange> consent = Optional.empty();
        switch (recordType) {
            case "Delivery" -> type = MessageEventType.DELIVERED;
            case "Open" -> type = MessageEventType.OPENED;
            case "Click" -> type = MessageEventType.CLICKED;
            case "Bounce" -> {
                type = MessageEventType.BOUNCED;
                if (REVOKING_BOUNCES.contains(bounceType) || inactive) {
                    scope = ProviderReport.Scope.ADDRESS;
                    consent = Optional.of(revoked(bounceType + (inactive && !REVOKING_BOUNCES.contains(bounceType)
                            ? " (address deactivated)" : "")));
                }
            }
            case "SpamComplaint" -> {
                type = MessageEventType.COMPLAINED;
                scope = ProviderReport.Scope.ADDRESS;
                consent = Optional.of(revoked("SpamComplaint"));
            }
            default -> { // SubscriptionChange
                type = MessageEventType.UNSUBSCRIBED;
                scope = ProviderReport.Scope.ADDRESS;
                if (!Boolean.TRUE.equals(suppress)) {
                    // Reactivated at Postmark: sending may resume, but that is no one's consent, and no event type says it.
                    return Optional.empty();
                }
                String reason = Objects.toString(textOrNull(payload, "SuppressionReason"), "Suppressed");
                consent = Optional.of(revoked("Suppression: " + QueryParameters.abbreviate(reason)));
            }
        }
        String lowered = address.toLowerCase(Locale.ROOT);
        String key = PROVIDER + "|" + Objects.toString(messageId, "-") + "|" + recordType + "|" + timestampText + "|" + lowered;
        return Optional.of(new ProviderReport(PROVIDER, key, MessageChannel.EMAIL, type, occurredAt, lowered, hint,
                messageId, meta(payload), scope, consent, recordType.equals("Delivery")));
    }

    private static ProviderReport.ConsentChange revoked(String reason) {
        return new ProviderReport.ConsentChange(ConsentStatus.REVOKED, reason);
    }

    /** {@code Metadata.lead_id}, when it is a lead id; believed later only if that lead has the address. */
    private static Optional<LeadId> leadHint(ObjectNode payload, Violations violations) {
        JsonNode metadata = payload.get("Metadata");
        if (metadata == null || metadata.isNull()) {
            return Optional.empty();
        }
        if (!metadata.isObject()) {
            violations.add("Metadata", "must be an object");
            return Optional.empty();
        }
        JsonNode lead = metadata.get("lead_id");
        return lead != null && lead.isTextual() ? Uuids.tryParse(lead.textValue()).map(LeadId::new) : Optional.empty();
    }

    /** The payload as the event's meta: whole when it fits, else without the bounce dump, else a summary. */
    static String meta(ObjectNode payload) {
        String whole = payload.toString();
        if (whole.length() <= ProviderReport.MAX_META_CHARS) {
            return whole;
        }
        ObjectNode smaller = payload.deepCopy();
        smaller.remove("Content");
        smaller.put("ContentOmitted", true);
        String withoutDump = smaller.toString();
        if (withoutDump.length() <= ProviderReport.MAX_META_CHARS) {
            return withoutDump;
        }
        ObjectNode summary = JsonMapping.MAPPER.createObjectNode();
        for (String field : new String[] {"RecordType", "MessageID", "Type", "TypeCode", "MessageStream", "Tag"}) {
            JsonNode value = payload.get(field);
            if (value != null && value.isValueNode() && value.toString().length() <= 200) {
                summary.set(field, value);
            }
        }
        summary.put("Truncated", true);
        return summary.toString();
    }

    private static String text(ObjectNode payload, String field, Violations violations, boolean required) {
        JsonNode value = payload.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                violations.add(field, "is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            violations.add(field, "must be a string");
            return null;
        }
        if (value.textValue().isBlank() && required) {
            violations.add(field, "must not be blank");
            return null;
        }
        return value.textValue().strip();
    }

    private static String textOrNull(ObjectNode payload, String field) {
        JsonNode value = payload.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    private static Boolean bool(ObjectNode payload, String field, Violations violations, boolean required) {
        JsonNode value = payload.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                violations.add(field, "is required");
            }
            return null;
        }
        if (!value.isBoolean()) {
            violations.add(field, "must be true or false");
            return null;
        }
        return value.booleanValue();
    }

    private static Instant instant(String text, String field, Violations violations) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            violations.add(field, "must be an ISO-8601 date-time with offset, such as 2019-11-05T16:33:54.9070259Z");
            return null;
        }
    }


    /** Wrong or missing credentials on a webhook: 401 with a challenge, so Postmark retries once they are fixed. */
    static final class WebhookUnauthorizedException extends HttpRefusal {
        WebhookUnauthorizedException() {
            super("webhook-unauthorized", 401, "The webhook's credentials are missing or wrong: put LEADS_POSTMARK_WEBHOOK_USER and"
                    + " LEADS_POSTMARK_WEBHOOK_PASSWORD in the webhook URL (https://user:password@host/webhooks/postmark)");
        }
    }
}
