package com.coachintel.leads.adapter.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors Jetty answers itself, before a request reaches Javalin's routes: a header block over the limit (431), an
 * over-long URI (414), a path whose percent-encoding is broken (400), a body over the limit while it is read (413),
 * a request refused during shutdown (503). Each is problem+json, as every other error of this API, whatever the
 * request's Accept header says; Jetty's HTML pages would quote the request back.
 */
final class JettyProblems extends ErrorHandler {

    /** Jetty writes error bodies for GET, POST and HEAD only; a PATCH deserves its problem too. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        ProblemDetail problem = problem(code).withRequest(safePath(request), RequestIds.randomUuid().toString());
        byte[] body = JsonResponses.bytes(problem);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ProblemDetail.CONTENT_TYPE);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.getHeaders().put(RequestIds.HEADER, problem.requestId());
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** For a message too broken to become a request: Jetty writes these bytes with the status line itself. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        byte[] body = JsonResponses.bytes(problem(status));
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, ProblemDetail.CONTENT_TYPE));
        return ByteBuffer.wrap(body);
    }

    /** Jetty's reason can quote the request (a header value, say): the detail is ours, per status. */
    static ProblemDetail problem(int status) {
        String detail = switch (status) {
            case 400 -> "The request is malformed at the HTTP level, for example a broken percent-escape (such as %zz)"
                    + " or an invalid character in the path, or a malformed header.";
            case 408 -> "The request body did not arrive in time; send it whole, without pauses.";
            case 413 -> "The request body is larger than this server accepts (" + HttpApi.MAX_REQUEST_BYTES / 1024
                    + " KB).";
            case 414 -> "The request URI is longer than this server accepts (" + HttpApi.MAX_URI_BYTES / 1024 + " KB).";
            case 431 -> "The request's header fields are larger than this server accepts (" + HttpApi.MAX_HEADER_BYTES / 1024
                    + " KB in all).";
            case 503 -> "The server is shutting down; try again, another instance will answer.";
            default -> "The server could not handle this request (" + HttpStatus.getMessage(status) + ").";
        };
        return ProblemResponses.problemFor(status, detail);
    }

    /** The path, only when it decodes cleanly: a broken one is what this error is about. */
    private static String safePath(Request request) {
        try {
            String path = Request.getPathInContext(request);
            return path != null && StandardCharsets.US_ASCII.newEncoder().canEncode(path) && path.length() <= 256
                    ? path : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
