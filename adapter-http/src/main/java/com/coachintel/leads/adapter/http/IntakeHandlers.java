package com.coachintel.leads.adapter.http;

import com.coachintel.leads.application.idempotency.IdempotentRequests;
import com.coachintel.leads.application.intake.CaptureLeadCommand;
import com.coachintel.leads.application.intake.CaptureLeadUseCase;
import com.coachintel.leads.application.intake.CreateLeadCommand;
import com.coachintel.leads.application.intake.CreateLeadUseCase;
import com.coachintel.leads.application.intake.ListLeadConsentsUseCase;
import com.coachintel.leads.application.intake.RecordConsentCommand;
import com.coachintel.leads.application.intake.RecordConsentUseCase;
import com.coachintel.leads.domain.ConsentChannel;
import com.coachintel.leads.domain.LeadDetails;
import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.ValidationException;
import com.coachintel.leads.domain.Violations;
import com.coachintel.leads.domain.idempotency.IdempotencyScope;
import com.coachintel.leads.domain.port.ConsentLedger;
import com.coachintel.leads.domain.query.PageRequest;
import com.coachintel.leads.domain.user.Caller;
import io.javalin.http.Context;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.NotFoundResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code POST /leads} (with Idempotency-Key), {@code POST /crm/public/leads} (public capture, behind CORS and a
 * per-client rate limit), and {@code POST}/{@code GET /leads/{id}/consents}.
 */
final class IntakeHandlers {

    /** A sign-up form's body is small; a larger one is refused before it is parsed. */
    static final int MAX_CAPTURE_BYTES = 16 * 1024;
    static final String CREATE_OPERATION = "POST /leads";

    private final CreateLeadUseCase createLead;
    private final Optional<CaptureLeadUseCase> captureLead;
    private final RecordConsentUseCase recordConsent;
    private final ListLeadConsentsUseCase listConsents;
    private final IdempotentRequests idempotent;
    private final ClientAddresses clients;

    IntakeHandlers(CreateLeadUseCase createLead, Optional<CaptureLeadUseCase> captureLead, RecordConsentUseCase recordConsent,
            ListLeadConsentsUseCase listConsents, IdempotentRequests idempotent, ClientAddresses clients) {
        this.createLead = Objects.requireNonNull(createLead, "createLead");
        this.captureLead = Objects.requireNonNull(captureLead, "captureLead");
        this.recordConsent = Objects.requireNonNull(recordConsent, "recordConsent");
        this.listConsents = Objects.requireNonNull(listConsents, "listConsents");
        this.idempotent = Objects.requireNonNull(idempotent, "idempotent");
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    void createLead(Context ctx) {
        QueryParameters.requireNone(ctx);
        Caller caller = Authentication.caller(ctx);
        byte[] body = ctx.bodyAsBytes();
        Optional<String> key = IdempotencyKeys.of(ctx);
        Supplier<HttpAnswer> create = () -> created(createLead.createLead(caller, createCommand(ctx, body)));
        if (key.isEmpty()) {
            send(ctx, create.get(), false);
            return;
        }
        IdempotentRequests.Outcome outcome = idempotent.execute(
                new IdempotencyScope(caller.orgId(), caller.email(), CREATE_OPERATION, key.get()),
                IdempotencyKeys.fingerprint(body), () -> {
                    HttpAnswer answer = create.get();
                    return new IdempotentRequests.Attempt(answer.stored(), answer.succeeded());
                });
        send(ctx, HttpAnswer.of(outcome.response()), outcome.replayed());
    }

    private static CreateLeadCommand createCommand(Context ctx, byte[] body) {
        IntakeJson.CreateLeadRequest request = JsonRequests.read(ctx, body, IntakeJson.CreateLeadRequest.class);
        Map<ConsentChannel, CreateLeadCommand.InitialConsent> consents = new EnumMap<>(ConsentChannel.class);
        if (request.consents() != null) {
            put(consents, ConsentChannel.EMAIL, request.consents().email());
            put(consents, ConsentChannel.SMS, request.consents().sms());
        }
        return new CreateLeadCommand(request.email(), request.firstName(), request.lastName(), request.phone(),
                request.tags(), request.source(), request.utmSource(), request.utmMedium(), request.utmCampaign(),
                request.notes(), consents);
    }

    private static void put(Map<ConsentChannel, CreateLeadCommand.InitialConsent> consents, ConsentChannel channel,
            IntakeJson.InitialConsent consent) {
        if (consent != null) {
            consents.put(channel, new CreateLeadCommand.InitialConsent(consent.status(), consent.source(), consent.textVersion()));
        }
    }

    /** 201 with the lead, where it lives and its ETag: kept as bytes, so that a retry answers exactly this. */
    private static HttpAnswer created(LeadDetails lead) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Location", "/leads/" + lead.lead().id());
        headers.put("ETag", EntityTags.of(lead.lead().version()));
        return new HttpAnswer(201, headers, JsonResponses.bytes(LeadJson.Detail.from(lead)));
    }

    private static void send(Context ctx, HttpAnswer response, boolean replayed) {
        ctx.status(response.status());
        response.headers().forEach(ctx::header);
        if (replayed) {
            ctx.header(IdempotencyKeys.REPLAYED_HEADER, "true");
        }
        JsonResponses.sendBytes(ctx, response.body(), MediaTypes.JSON);
    }

    /**
     * Public capture. The answer is the same 202 whether the email was new or known, so that the form cannot be used
     * to learn who has signed up.
     */
    void capture(Context ctx) {
        CaptureLeadUseCase capture = captureLead.orElseThrow(() -> new NotFoundResponse(
                "Public capture is not enabled on this server"));
        if (ctx.contentLength() > MAX_CAPTURE_BYTES) {
            throw new ContentTooLargeResponse("A sign-up body may have at most " + MAX_CAPTURE_BYTES + " bytes");
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length > MAX_CAPTURE_BYTES) {
            throw new ContentTooLargeResponse("A sign-up body may have at most " + MAX_CAPTURE_BYTES + " bytes");
        }
        IntakeJson.CaptureRequest request = JsonRequests.read(ctx, body, IntakeJson.CaptureRequest.class);
        Violations violations = new Violations();
        boolean email = optIn(request.consentEmail(), "consent_email", request.consentEmailOptIn(), "consent_email_opt_in",
                violations);
        boolean sms = optIn(request.consentSms(), "consent_sms", request.consentSmsOptIn(), "consent_sms_opt_in", violations);
        violations.throwIfAny();
        capture.capture(new CaptureLeadCommand(request.email(), request.firstName(), request.lastName(), request.phone(),
                request.source(), request.utmSource(), request.utmMedium(), request.utmCampaign(), request.consentVersion(),
                email, sms, clients.of(ctx), ctx.header("User-Agent")));
        ctx.status(202);
        JsonResponses.send(ctx, IntakeJson.Received.INSTANCE);
    }

    /** A box is ticked when either spelling says true; the two spellings may not contradict each other. */
    private static boolean optIn(Boolean first, String firstName, Boolean second, String secondName, Violations violations) {
        if (first != null && second != null && !first.equals(second)) {
            violations.add(firstName, "contradicts " + secondName + ": send one of the two");
        }
        return Boolean.TRUE.equals(first) || Boolean.TRUE.equals(second);
    }

    void recordConsent(Context ctx) {
        QueryParameters.requireNone(ctx);
        Violations violations = new Violations();
        LeadId id = violations.collect(() -> LeadId.parse(ctx.pathParam("id"), "id"));
        violations.throwIfAny();
        IntakeJson.ConsentRequest request = JsonRequests.read(ctx, ctx.bodyAsBytes(), IntakeJson.ConsentRequest.class);
        Instant capturedAt = violations.collect(() -> instant(request.capturedAt(), "captured_at"));
        violations.throwIfAny();
        ConsentLedger.Appended appended = recordConsent.recordConsent(Authentication.caller(ctx), id,
                new RecordConsentCommand(request.channel(), request.status(), request.source(), request.textVersion(),
                        capturedAt));
        ctx.status(201);
        ctx.header("Location", "/leads/" + id + "/consents");
        ctx.header("ETag", EntityTags.of(appended.leadVersion()));
        JsonResponses.send(ctx, IntakeJson.ConsentEntryJson.from(appended.consent()));
    }

    void listConsents(Context ctx) {
        Violations violations = new Violations();
        QueryParameters parameters = QueryParameters.of(ctx, QueryParameters.PAGE_PARAMETERS, violations);
        LeadId id = violations.collect(() -> LeadId.parse(ctx.pathParam("id"), "id"));
        PageRequest page = parameters.page();
        violations.throwIfAny();
        JsonResponses.send(ctx, LeadJson.PageJson.from(
                listConsents.listConsents(Authentication.caller(ctx), id, page),
                IntakeJson.ConsentEntryJson::from));
    }

    private static Instant instant(String text, String field) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ValidationException.of(field, "must be an ISO-8601 timestamp with an offset, such as 2026-03-01T10:00:00Z");
        }
    }
}
