package com.coachintel.leads.adapter.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where errors become {@code application/problem+json}: exceptions from handlers,
 * Javalin's own HTTP errors, unknown routes and wrong methods.
 */
final class ProblemResponses {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);

    private static final Map<Integer, String> TITLES = Map.of(
            400, "Bad Request", 401, "Unauthorized", 403, "Forbidden", 404, "Not Found",
            405, "Method Not Allowed", 406, "Not Acceptable", 409, "Conflict", 412, "Precondition Failed",
            413, "Content Too Large", 415, "Unsupported Media Type");

    private ProblemResponses() {
    }

    static void register(RoutesConfig routes) {
        routes.exception(HttpResponseException.class, (e, ctx) -> send(ctx, fromJavalin(e)));
        routes.exception(Exception.class, ProblemResponses::internalError);
        routes.error(404, ctx -> {
            if (!alreadyAProblem(ctx)) {
                send(ctx, ProblemDetail.of("not-found", "Not Found", 404,
                        "No resource at " + ctx.method() + " " + ctx.path()));
            }
        });
        routes.error(405, ctx -> {
            if (!alreadyAProblem(ctx)) {
                send(ctx, ProblemDetail.of("method-not-allowed", "Method Not Allowed", 405,
                        ctx.method() + " is not allowed on " + ctx.path()));
            }
        });
    }

    static void send(Context ctx, ProblemDetail problem) {
        ProblemDetail complete = problem.withRequest(ctx.path(), RequestIds.of(ctx));
        ctx.status(complete.status()).json(complete).contentType(ProblemDetail.CONTENT_TYPE);
    }

    private static ProblemDetail fromJavalin(HttpResponseException e) {
        int status = e.getStatus();
        String title = TITLES.getOrDefault(status, "HTTP " + status);
        String slug = title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        return ProblemDetail.of(slug, title, status, e.getMessage());
    }

    /** Logs the stack trace under the request id and tells the caller only that id. */
    private static void internalError(Exception e, Context ctx) {
        String requestId = RequestIds.of(ctx);
        LOG.error("request {} {} {} failed", requestId, ctx.method(), ctx.path(), e);
        send(ctx, ProblemDetail.of("internal-error", "Internal Server Error", 500,
                "The server failed to handle this request. Quote request id " + requestId + " when reporting it."));
    }

    private static boolean alreadyAProblem(Context ctx) {
        String contentType = ctx.res().getContentType();
        return contentType != null && contentType.startsWith(ProblemDetail.CONTENT_TYPE);
    }
}
