package com.coachintel.leads.application.idempotency;

import com.coachintel.leads.domain.DomainException;

/** This idempotency key was used with another request body: a key names one request, so use a new key. */
public final class IdempotencyKeyReusedException extends DomainException {

    public IdempotencyKeyReusedException() {
        super("idempotency-key-reused", "This Idempotency-Key was used with a different request body; use a new key"
                + " for a different request");
    }
}
