package com.coachintel.leads.application.idempotency;

import com.coachintel.leads.domain.idempotency.IdempotencyScope;
import com.coachintel.leads.domain.idempotency.StoredResponse;
import java.util.function.Supplier;

/**
 * Runs a request once per idempotency key, in Stripe's manner: a retry with the same key and the same body
 * within {@link IdempotencyService#KEY_TTL} answers the first response again; the same key with another body,
 * or while the first request runs, is refused. Only a request that succeeded keeps its key: one that failed, by
 * validation or otherwise, may be retried with the same key.
 */
public interface IdempotentRequests {

    /**
     * @param fingerprint a digest of the request's body
     * @param request     runs the request; an exception it throws releases the key and propagates
     * @throws IdempotencyKeyInUseException  when the key's first request is still running
     * @throws IdempotencyKeyReusedException when the key was used with another body
     */
    Outcome execute(IdempotencyScope scope, String fingerprint, Supplier<Attempt> request);

    /**
     * What running the request gave.
     *
     * @param response  its answer, encoded by the adapter
     * @param succeeded whether it succeeded, and so keeps the key for its retries
     */
    record Attempt(StoredResponse response, boolean succeeded) {
    }

    /**
     * @param response what to answer
     * @param replayed whether it is the first request's response, answered again
     */
    record Outcome(StoredResponse response, boolean replayed) {
    }
}
