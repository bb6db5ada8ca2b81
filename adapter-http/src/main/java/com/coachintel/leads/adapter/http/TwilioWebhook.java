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
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks/twilio}: Twilio's SMS status callbacks and inbound messages, verified by
 * {@code X-Twilio-Signature} (HMAC-SHA1 with the auth token over the URL as Twilio called it and the POST parameters
 * sorted by name, each name followed by its value), read into {@link ProviderReport}s. Answers an empty TwiML
 * response; a bad signature is 403.
 *
 * <p>A status callback ({@code MessageStatus} sent, delivered, failed, undelivered) is an event on the lead named by
 * a {@code lead_id} on the callback URL, else on the one lead with the {@code To} number. An inbound message whose
 * body is a carrier opt-out keyword withdraws SMS consent, and an opt-in keyword gives it, on every lead with the
 * {@code From} number: carriers apply them to the number.
 */
final class TwilioWebhook {

    static final String PROVIDER = "twilio";
    private static final Logger LOG = LoggerFactory.getLogger(TwilioWebhook.class);
    static final Set<String> OPT_OUT = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");
    static final Set<String> OPT_IN = Set.of("START", "UNSTOP", "YES");
    private static final Map<String, MessageEventType> STATUSES = Map.of("sent", MessageEventType.SENT, "delivered",
            MessageEventType.DELIVERED, "failed", MessageEventType.FAILED, "undelivered", MessageEventType.FAILED);
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern SID = Pattern.compile("[A-Z]{2}[0-9a-f]{32}");
    static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    private final Optional<byte[]> authToken;
    private final Optional<String> publicBaseUrl;
    private final Optional<RecordMessageEventUseCase> events;
    private final Clock clock;

    TwilioWebhook(Optional<String> authToken, Optional<String> publicBaseUrl, Optional<RecordMessageEventUseCase> events,
            Clock clock) {
        this.authToken = authToken.map(token -> token.getBytes(StandardCharsets.UTF_8));
        this.publicBaseUrl = Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    void handle(Context ctx) {
        if (authToken.isEmpty() || events.isEmpty()) {
            throw new io.javalin.http.NotFoundResponse("The Twilio webhook is not enabled on this server (set"
                    + " LEADS_TWILIO_AUTH_TOKEN)");
        }
        Violations ignored = new Violations();
        Map<String, List<String>> form = QueryParameters.decode(new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8),
                ignored);
        String url = publicBaseUrl.map(base -> base + ctx.path()).orElseGet(() -> ctx.scheme() + "://" + ctx.host()
                + ctx.path()) + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        String given = Objects.toString(ctx.header("X-Twilio-Signature"), "");
        if (!ignored.isEmpty() || !Secrets.matches(Secrets.digest(signature(authToken.get(), url, form)), given)) {
            throw new SignatureRefusedException();
        }
        Violations violations = new Violations();
        Map<String, List<String>> query = QueryParameters.decode(ctx.queryString(), violations);
        violations.throwIfAny();
        Optional<ProviderReport> report = read(form, query, clock);
        if (report.isEmpty()) {
            HttpMetrics.name(ctx, "dropped"); // a status that is no event (queued, sending, ...)
        }
        report.ifPresent(r -> {
            RecordMessageEventUseCase.Outcome outcome = events.get().record(r);
            HttpMetrics.name(ctx, outcome);
            outcome.dropped().ifPresent(why -> LOG.info("request {}: Twilio {} {} dropped: {}", RequestIds.of(ctx),
                    r.type().wireName(), r.providerMessageId(), why));
        });
        ctx.contentType("text/xml; charset=utf-8").result(EMPTY_TWIML);
    }

    /** Twilio's signature: base64(HMAC-SHA1(token, url + each parameter name and value, sorted by name)). */
    static String signature(byte[] token, String url, Map<String, List<String>> form) {
        StringBuilder signed = new StringBuilder(url);
        new TreeMap<>(form).forEach((name, values) -> values.forEach(value -> signed.append(name).append(value)));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(token, "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA1 is part of every JDK", e);
        }
    }

    /** The report a verified callback makes; empty for a status that is no event (queued, sending, ...). */
    static Optional<ProviderReport> read(Map<String, List<String>> form, Map<String, List<String>> query, Clock clock) {
        Violations violations = new Violations();
        String sid = single(form, "MessageSid", violations, true);
        if (sid != null && !SID.matcher(sid).matches()) {
            violations.add("MessageSid", "must be a Twilio message SID (SM or MM and 32 hex digits)");
        }
        String status = single(form, "MessageStatus", violations, false);
        String body = single(form, "Body", violations, false);
        boolean inbound = status == null || status.equals("received");
        String addressField = inbound ? "From" : "To";
        String address = single(form, addressField, violations, true);
        if (address != null && !E164.matcher(address).matches()) {
            violations.add(addressField, "must be an E.164 phone number such as +14155550123");
        }
        Optional<LeadId> hint = Optional.ofNullable(single(query, "lead_id", violations, false))
                .flatMap(Uuids::tryParse).map(LeadId::new);
        violations.throwIfAny();
        String meta = JsonMapping.MAPPER.valueToTree(new TreeMap<>(Map.of("MessageSid", sid,
                "MessageStatus", Objects.toString(status, "received")))).toString();
        if (!inbound) {
            MessageEventType type = STATUSES.get(status.toLowerCase(Locale.ROOT));
            if (type == null) {
                return Optional.empty(); // queued, accepted, sending, read...: not an event of its own
            }
            return Optional.of(new ProviderReport(PROVIDER, PROVIDER + "|" + sid + "|" + status, MessageChannel.SMS, type,
                    clock.instant(), address, hint, sid, meta, ProviderReport.Scope.MESSAGE, Optional.empty(),
                    type == MessageEventType.DELIVERED));
        }
        String keyword = body == null ? "" : body.strip().toUpperCase(Locale.ROOT);
        Optional<ProviderReport.ConsentChange> consent = OPT_OUT.contains(keyword)
                ? Optional.of(new ProviderReport.ConsentChange(ConsentStatus.REVOKED, "carrier keyword " + keyword))
                : OPT_IN.contains(keyword)
                        ? Optional.of(new ProviderReport.ConsentChange(ConsentStatus.GRANTED, "carrier keyword " + keyword))
                        : Optional.empty();
        if (consent.isEmpty()) {
            return Optional.empty(); // a reply that is no keyword: not recorded (its text is the lead's, not ours to keep)
        }
        MessageEventType type = consent.get().status() == ConsentStatus.REVOKED ? MessageEventType.UNSUBSCRIBED
                : MessageEventType.REPLIED;
        return Optional.of(new ProviderReport(PROVIDER, PROVIDER + "|" + sid + "|inbound", MessageChannel.SMS, type,
                clock.instant(), address, Optional.empty(), sid, meta, ProviderReport.Scope.ADDRESS, consent, false));
    }

    private static String single(Map<String, List<String>> values, String name, Violations violations, boolean required) {
        List<String> given = values.getOrDefault(name, List.of());
        if (given.size() > 1) {
            violations.add(name, "may be given once");
            return null;
        }
        if (given.isEmpty() || given.get(0).isBlank()) {
            if (required) {
                violations.add(name, "is required");
            }
            return null;
        }
        if (given.get(0).length() > 1600) {
            violations.add(name, "is longer than Twilio sends");
            return null;
        }
        return given.get(0);
    }

    /** A callback whose signature does not verify: 403, as Twilio documents. */
    static final class SignatureRefusedException extends HttpRefusal {
        SignatureRefusedException() {
            super("signature-refused", 403, "X-Twilio-Signature does not verify: it must be Twilio's signature of this URL and these parameters with"
                    + " LEADS_TWILIO_AUTH_TOKEN (behind a proxy, set LEADS_PUBLIC_BASE_URL to the URL Twilio calls)");
        }
    }
}
