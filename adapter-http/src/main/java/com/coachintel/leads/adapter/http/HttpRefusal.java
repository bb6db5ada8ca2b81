package com.coachintel.leads.adapter.http;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A request this adapter refuses before any use case sees it (a credential, a signature, an origin): its problem type,
 * status and, when one header or field is to blame, its name. {@link ProblemResponses} answers every one alike.
 * No stack trace: a refusal is an answer, not a fault.
 */
abstract class HttpRefusal extends RuntimeException {

    private final String slug;
    private final int status;
    private final Optional<ProblemDetail.FieldError> blamed;

    HttpRefusal(String slug, int status, String detail) {
        this(slug, status, detail, Optional.empty());
    }

    HttpRefusal(String slug, int status, String detail, Optional<ProblemDetail.FieldError> blamed) {
        super(detail, null, false, false);
        this.slug = Objects.requireNonNull(slug, "slug");
        this.status = status;
        this.blamed = Objects.requireNonNull(blamed, "blamed");
    }

    /** The problem to answer. */
    ProblemDetail problem() {
        ProblemDetail problem = ProblemResponses.problem(slug, status, getMessage());
        return blamed.map(error -> problem.withErrors(List.of(error))).orElse(problem);
    }
}
