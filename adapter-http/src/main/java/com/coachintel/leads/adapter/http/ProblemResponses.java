package com.coachintel.leads.adapter.http;

import com.coachintel.leads.application.auth.AccountInactiveException;
import com.coachintel.leads.application.auth.AuthenticationRequiredException;
import com.coachintel.leads.application.export.ExportsBusyException;
import com.coachintel.leads.application.idempotency.IdempotencyKeyInUseException;
import com.coachintel.leads.application.idempotency.IdempotencyKeyReusedException;
import com.coachintel.leads.application.intake.RateLimitedException;
import com.coachintel.leads.domain.DomainException;
import com.coachintel.leads.domain.DuplicateLeadException;
import com.coachintel.leads.domain.InvalidStatusTransitionException;
import com.coachintel.leads.domain.LeadNotFoundException;
import com.coachintel.leads.domain.LeadStatus;
import com.coachintel.leads.domain.StorageUnavailableException;
import com.coachintel.leads.domain.VersionMismatchException;
import com.coachintel.leads.domain.ValidationException;
import com.coachintel.leads.domain.export.ExportNotFoundException;
import com.coachintel.leads.domain.export.ExportNotReadyException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where errors become {@code application/problem+json}: domain and application errors,
 * Javalin's own HTTP errors, unknown routes and wrong methods, and anything unexpected (500).
 */
final class ProblemResponses {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);
    /** What a 503 for an unavailable database tells the client to wait: the pool's connection timeout. */
    static final java.time.Duration STORAGE_RETRY_AFTER = java.time.Duration.ofSeconds(5);

    private static final Map<Integer, String> TITLES = Map.ofEntries(
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(406, "Not Acceptable"), Map.entry(408, "Request Timeout"),
            Map.entry(409, "Conflict"), Map.entry(412, "Precondition Failed"), Map.entry(413, "Content Too Large"),
            Map.entry(414, "URI Too Long"), Map.entry(415, "Unsupported Media Type"), Map.entry(431, "Request Header Fields Too Large"),
            Map.entry(422, "Unprocessable Content"), Map.entry(429, "Too Many Requests"), Map.entry(503, "Service Unavailable"));

    private ProblemResponses() {
    }

    static void register(RoutesConfig routes) {
        routes.exception(ValidationException.class, (e, ctx) -> {
            ValidationException named = e.renamed(WireNames::of); // domain commands' field names, in the API's words
            send(ctx, ProblemDetail.of(named.code(), "Invalid request", 400, named.getMessage())
                    .withErrors(named.violations().stream()
                            .map(v -> new ProblemDetail.FieldError(v.field(), v.message())).toList()));
        });
        routes.exception(DuplicateLeadException.class, (e, ctx) -> send(ctx, fromDomain(e, 409)
                .withExtension("existing_id", e.existing().toString())
                .withExtension("existing_url", "/leads/" + e.existing())));
        routes.exception(RateLimitedException.class, (e, ctx) -> {
            long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
            ctx.header("Retry-After", Long.toString(seconds));
            send(ctx, ProblemDetail.of(e.code(), TITLES.get(429), 429,
                    "Too many sign-ups from your address; try again in " + seconds + " seconds")
                    .withExtension("retry_after", seconds));
        });
        routes.exception(IdempotencyKeyInUseException.class, (e, ctx) -> send(ctx, fromDomain(e, 409)));
        routes.exception(IdempotencyKeyReusedException.class, (e, ctx) -> send(ctx, fromDomain(e, 422)));
        routes.exception(Cors.OriginRefusedException.class, (e, ctx) -> send(ctx,
                ProblemDetail.of("cross-origin-request-refused", TITLES.get(403), 403, e.getMessage())
                        .withErrors(java.util.List.of(new ProblemDetail.FieldError(e.field(), e.reason())))));
        routes.exception(LeadNotFoundException.class, (e, ctx) -> send(ctx, fromDomain(e, 404)));
        routes.exception(InvalidStatusTransitionException.class, (e, ctx) -> send(ctx, fromDomain(e, 409)
                .withExtension("current_status", e.from().wireName())
                .withExtension("requested_status", e.to().wireName())
                .withExtension("allowed_next", e.from().allowedNext().stream().map(LeadStatus::wireName).sorted().toList())
                .withExtension("correction_next", e.from().correctionsNext().stream().map(LeadStatus::wireName).sorted().toList())
                .withExtension("reason_required", e.reasonRequired())));
        routes.exception(ExportNotFoundException.class, (e, ctx) -> send(ctx, fromDomain(e, 404)));
        routes.exception(ExportNotReadyException.class, (e, ctx) -> send(ctx, fromDomain(e, 409)
                .withExtension("export_status", e.status().wireName())));
        routes.exception(VersionMismatchException.class, (e, ctx) -> {
            ctx.header("ETag", EntityTags.of(e.currentVersion()));
            send(ctx, fromDomain(e, 412).withExtension("current_version", e.currentVersion()));
        });
        routes.exception(AuthenticationRequiredException.class, (e, ctx) -> send(ctx, fromDomain(e, 401)));
        routes.exception(AccountInactiveException.class, (e, ctx) -> send(ctx, fromDomain(e, 403)));
        routes.exception(Authentication.ProxySecretMismatchException.class, (e, ctx) -> send(ctx,
                ProblemDetail.of("proxy-authentication-required", TITLES.get(401), 401, e.getMessage())));
        routes.exception(NextAuthSessions.InvalidSessionException.class, (e, ctx) -> send(ctx,
                ProblemDetail.of("session-invalid", TITLES.get(401), 401, e.getMessage())));
        routes.exception(Authentication.CallerRefusedException.class, (e, ctx) -> send(ctx,
                ProblemDetail.of("caller-mismatch", TITLES.get(401), 401, e.getMessage())));
        routes.exception(Authentication.CrossSiteRequestException.class, (e, ctx) -> send(ctx,
                ProblemDetail.of("cross-site-request-refused", TITLES.get(403), 403, e.getMessage())
                        .withErrors(java.util.List.of(new ProblemDetail.FieldError(e.field(), e.getMessage())))));
        routes.exception(ExportsBusyException.class, (e, ctx) -> {
            ctx.header("Retry-After", Long.toString(e.retryAfter().toSeconds()));
            send(ctx, fromDomain(e, 503));
        });
        routes.exception(StorageUnavailableException.class, (e, ctx) -> {
            // Said once per request, by id, with the kind of failure only: its messages may quote row values.
            LOG.warn("request {} {} {}: {}", RequestIds.of(ctx), ctx.method(), ctx.path(), e.getMessage());
            ctx.header("Retry-After", Long.toString(STORAGE_RETRY_AFTER.toSeconds()));
            send(ctx, ProblemDetail.of(e.code(), TITLES.get(503), 503, "The database did not answer in time; nothing was"
                    + " written. Try again shortly. Quote request id " + RequestIds.of(ctx) + " when reporting it."));
        });
        routes.exception(PostmarkWebhook.WebhookUnauthorizedException.class, (e, ctx) -> send(ctx,
                ProblemDetail.of("webhook-unauthorized", TITLES.get(401), 401, e.getMessage())));
        routes.exception(TwilioWebhook.SignatureRefusedException.class, (e, ctx) -> send(ctx,
                ProblemDetail.of("signature-refused", TITLES.get(403), 403, e.getMessage())));
        routes.exception(HttpResponseException.class, (e, ctx) -> send(ctx, fromJavalin(e)));
        routes.exception(Exception.class, ProblemResponses::internalError);
        // A handler that only set a status (no exception) still answers with a problem.
        for (int status : new int[] {404, 405}) {
            routes.error(status, ctx -> {
                if (!alreadyAProblem(ctx)) {
                    send(ctx, problemFor(status, ctx.method() + " " + ctx.path()));
                }
            });
        }
    }

    static void send(Context ctx, ProblemDetail problem) {
        ProblemDetail complete = problem.withRequest(ctx.path(), RequestIds.of(ctx));
        JsonResponses.send(ctx.status(complete.status()), complete, ProblemDetail.CONTENT_TYPE);
    }

    /** A problem for an HTTP status, its type derived from the status's title. */
    static ProblemDetail problemFor(int status, String detail) {
        String title = TITLES.getOrDefault(status, "HTTP " + status);
        return ProblemDetail.of(title.toLowerCase(Locale.ROOT).replace(' ', '-'), title, status, detail);
    }

    private static ProblemDetail fromDomain(DomainException e, int status) {
        return ProblemDetail.of(e.code(), TITLES.get(status), status, e.getMessage());
    }

    private static ProblemDetail fromJavalin(HttpResponseException e) {
        return problemFor(e.getStatus(), e.getMessage());
    }

    /** Logs the stack trace under the request id and tells the caller only that id. */
    private static void internalError(Exception e, Context ctx) {
        String requestId = RequestIds.of(ctx);
        if (clientWentAway(e)) {
            // Not a fault of ours, and nobody is left to answer: one line, no stack trace.
            LOG.info("request {} {} {}: the client went away mid-response ({})", requestId, ctx.method(), ctx.path(),
                    rootOf(e).getClass().getSimpleName());
            return;
        }
        LOG.error("request {} {} {} failed", requestId, ctx.method(), ctx.path(), e);
        send(ctx, ProblemDetail.of("internal-error", "Internal Server Error", 500,
                "The server failed to handle this request. Quote request id " + requestId + " when reporting it."));
    }

    /**
     * Whether writing the response failed because the client closed its connection: Jetty's EofException, wrapped by
     * the JSON writer in an UncheckedIOException (Javalin recognises only the bare one).
     */
    static boolean clientWentAway(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof org.eclipse.jetty.io.EofException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static boolean alreadyAProblem(Context ctx) {
        String contentType = ctx.res().getContentType();
        return contentType != null && contentType.startsWith(ProblemDetail.CONTENT_TYPE);
    }
}
