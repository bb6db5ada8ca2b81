package com.coachintel.leads.domain;

import java.util.Objects;

/**
 * Root of every error the domain and the use cases raise. Each carries a stable, machine-readable
 * {@link #code()} that adapters map to their own vocabulary (an HTTP status, a job failure).
 */
public abstract class DomainException extends RuntimeException {

    private final String code;

    protected DomainException(String code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** A stable identifier of the kind of error, such as {@code invalid-status-transition}. */
    public String code() {
        return code;
    }
}
