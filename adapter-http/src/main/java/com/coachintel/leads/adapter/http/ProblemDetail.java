package com.coachintel.leads.adapter.http;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem document. {@code errors} lists each offending parameter or field of a
 * validation error and is left out otherwise; {@code requestId} ties the answer to the server log;
 * {@code extensions} are further members of the problem type (RFC 9457 section 3.2), written at the top level.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ProblemDetail(String type, String title, int status, String detail, String instance, String requestId,
        List<FieldError> errors, @JsonIgnore Map<String, Object> extensions) {

    static final String CONTENT_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://coachintel.com/problems/";

    static ProblemDetail of(String slug, String title, int status, String detail) {
        return new ProblemDetail(TYPE_BASE + slug, title, status, detail, null, null, null, Map.of());
    }

    ProblemDetail withRequest(String path, String requestId) {
        return new ProblemDetail(type, title, status, detail, path, requestId, errors, extensions);
    }

    ProblemDetail withErrors(List<FieldError> fieldErrors) {
        return new ProblemDetail(type, title, status, detail, instance, requestId, List.copyOf(fieldErrors), extensions);
    }

    ProblemDetail withExtension(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(name, value);
        return new ProblemDetail(type, title, status, detail, instance, requestId, errors, more);
    }

    @JsonAnyGetter
    Map<String, Object> extensionMembers() {
        return extensions;
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
