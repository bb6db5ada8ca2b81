package com.coachintel.leads.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem document. {@code errors} lists each offending parameter or field of a
 * validation error and is left out otherwise; {@code requestId} ties the answer to the server log.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ProblemDetail(String type, String title, int status, String detail, String instance, String requestId,
        List<FieldError> errors) {

    static final String CONTENT_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://coachintel.com/problems/";

    static ProblemDetail of(String slug, String title, int status, String detail) {
        return new ProblemDetail(TYPE_BASE + slug, title, status, detail, null, null, null);
    }

    ProblemDetail withRequest(String path, String requestId) {
        return new ProblemDetail(type, title, status, detail, path, requestId, errors);
    }

    ProblemDetail withErrors(List<FieldError> fieldErrors) {
        return new ProblemDetail(type, title, status, detail, instance, requestId, List.copyOf(fieldErrors));
    }

    /**
     * One offending input.
     *
     * @param field   the query parameter, header or JSON property, as the caller spelled it
     * @param message what is wrong with it and what is accepted
     */
    record FieldError(String field, String message) {
    }
}
