package com.coachintel.leads.application.idempotency;

import com.coachintel.leads.domain.DomainException;

/** The first request with this idempotency key is still running: retry once it has answered. */
public final class IdempotencyKeyInUseException extends DomainException {

    public IdempotencyKeyInUseException() {
        super("idempotency-key-in-use", "A request with this Idempotency-Key is still running; retry after it has answered");
    }
}
