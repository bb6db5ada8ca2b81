package com.coachintel.leads.domain;

import java.util.Objects;

/**
 * Root of every error the domain and the use cases raise. Each carries a stable, machine-readable
 * {@link #code()} that adapters map to their own vocabulary (an HTTP status, a job failure).
 */
public abstract class DomainException extends RuntimeException {

    /** What kind of refusal an error is, for an adapter that has no entry for its code: never a fault of the server. */
    public enum Kind {
        /** The request itself is wrong (HTTP's 400 class). */
        INVALID,
        /** The request is fine but the state of things refuses it (HTTP's 409 class). */
        CONFLICT
    }

    private final String code;
    private final Kind kind;

    /** A refusal of the {@link Kind#CONFLICT} kind. */
    protected DomainException(String code, String message) {
        this(code, Kind.CONFLICT, message);
    }

    protected DomainException(String code, Kind kind, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** The kind of refusal: what an adapter answers when it knows nothing more of {@link #code()}. */
    public Kind kind() {
        return kind;
    }

    /** A stable identifier of the kind of error, such as {@code invalid-status-transition}. */
    public String code() {
        return code;
    }
}
