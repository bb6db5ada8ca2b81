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
        routes.exception(DomainException.class, ProblemResponses::domain);
        routes.exception(HttpRefusal.class, (e, ctx) -> send(ctx, e.problem()));
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

    /** A problem of type {@code slug} with the standard title of {@code status}. */
    static ProblemDetail problem(String slug, int status, String detail) {
        return ProblemDetail.of(slug, TITLES.getOrDefault(status, "HTTP " + status), status, detail);
    }

    /** A problem for an HTTP status, its type derived from the status's title. */
    static ProblemDetail problemFor(int status, String detail) {
        String title = TITLES.getOrDefault(status, "HTTP " + status);
        return ProblemDetail.of(title.toLowerCase(Locale.ROOT).replace(' ', '-'), title, status, detail);
    }

    /**
     * The HTTP status of each domain error, by its {@link DomainException#code()}: the one table. A code without an
     * entry is answered by its kind (400 or 409), never as a fault of the server.
     */
    static final Map<String, Integer> STATUS_BY_CODE = Map.ofEntries(
            Map.entry("validation-failed", 400),
            Map.entry("authentication-required", 401),
            Map.entry("account-inactive", 403),
            Map.entry("lead-not-found", 404),
            Map.entry("export-not-found", 404),
            Map.entry("duplicate-lead", 409),
            Map.entry("invalid-status-transition", 409),
            Map.entry("export-not-ready", 409),
            Map.entry("idempotency-key-in-use", 409),
            Map.entry("version-mismatch", 412),
            Map.entry("idempotency-key-reused", 422),
            Map.entry("rate-limited", 429),
            Map.entry("exports-busy", 503),
            Map.entry("storage-unavailable", 503));

    static int statusOf(DomainException e) {
        return STATUS_BY_CODE.getOrDefault(e.code(), e.kind() == DomainException.Kind.INVALID ? 400 : 409);
    }

    /** A domain error as its problem: the status from the table, then what each kind of error adds. */
    private static void domain(DomainException e, Context ctx) {
        int status = statusOf(e);
        ProblemDetail problem = ProblemDetail.of(e.code(), TITLES.getOrDefault(status, "HTTP " + status), status,
                e.getMessage());
        if (e instanceof ValidationException invalid) {
            ValidationException named = invalid.renamed(WireNames::of); // domain commands' field names, in the API's words
            problem = ProblemDetail.of(named.code(), "Invalid request", status, named.getMessage())
                    .withErrors(named.violations().stream().map(v -> new ProblemDetail.FieldError(v.field(), v.message()))
                            .toList());
        } else if (e instanceof DuplicateLeadException duplicate) {
            problem = problem.withExtension("existing_id", duplicate.existing().toString())
                    .withExtension("existing_url", "/leads/" + duplicate.existing());
        } else if (e instanceof RateLimitedException limited) {
            long seconds = Math.max(1, (limited.retryAfter().toMillis() + 999) / 1000);
            ctx.header("Retry-After", Long.toString(seconds));
            problem = ProblemDetail.of(e.code(), TITLES.get(429), status,
                    "Too many sign-ups from your address; try again in " + seconds + " seconds")
                    .withExtension("retry_after", seconds);
        } else if (e instanceof InvalidStatusTransitionException transition) {
            problem = problem.withExtension("current_status", transition.from().wireName())
                    .withExtension("requested_status", transition.to().wireName())
                    .withExtension("allowed_next", transition.from().allowedNext().stream().map(LeadStatus::wireName)
                            .sorted().toList())
                    .withExtension("correction_next", transition.from().correctionsNext().stream()
                            .map(LeadStatus::wireName).sorted().toList())
                    .withExtension("reason_required", transition.reasonRequired());
        } else if (e instanceof ExportNotReadyException notReady) {
            problem = problem.withExtension("export_status", notReady.status().wireName());
        } else if (e instanceof VersionMismatchException mismatch) {
            ctx.header("ETag", EntityTags.of(mismatch.currentVersion()));
            problem = problem.withExtension("current_version", mismatch.currentVersion());
        } else if (e instanceof ExportsBusyException busy) {
            ctx.header("Retry-After", Long.toString(busy.retryAfter().toSeconds()));
        } else if (e instanceof StorageUnavailableException) {
            // Said once per request, by id, with the kind of failure only: its messages may quote row values.
            LOG.warn("request {} {} {}: {}", RequestIds.of(ctx), ctx.method(), ctx.path(), e.getMessage());
            ctx.header("Retry-After", Long.toString(STORAGE_RETRY_AFTER.toSeconds()));
            problem = ProblemDetail.of(e.code(), TITLES.get(503), status, "The database did not answer in time; nothing"
                    + " was written. Try again shortly. Quote request id " + RequestIds.of(ctx) + " when reporting it.");
        }
        send(ctx, problem);
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
