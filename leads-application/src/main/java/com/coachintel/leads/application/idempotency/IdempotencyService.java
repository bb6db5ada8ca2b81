package com.coachintel.leads.application.idempotency;

import com.coachintel.leads.domain.idempotency.IdempotencyRecords;
import com.coachintel.leads.domain.idempotency.IdempotencyScope;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/** {@link IdempotentRequests} over {@link IdempotencyRecords}. */
public final class IdempotencyService implements IdempotentRequests {

    /** How long a key and its response are kept. */
    public static final Duration KEY_TTL = Duration.ofHours(24);
    /**
     * How long a request may run before its key counts as abandoned (its process died mid-request), so that the key
     * does not answer 409 for a whole day. Far longer than any request's time: the database's statement timeouts and
     * the pool's time-outs end a stuck one long before.
     */
    public static final Duration ABANDON_AFTER = Duration.ofMinutes(5);

    private final IdempotencyRecords records;

    public IdempotencyService(IdempotencyRecords records) {
        this.records = Objects.requireNonNull(records, "records");
    }

    @Override
    public Outcome execute(IdempotencyScope scope, String fingerprint, Supplier<Attempt> request) {
        IdempotencyRecords.Claim claim = records.claim(scope, fingerprint, KEY_TTL, ABANDON_AFTER);
        if (claim instanceof IdempotencyRecords.Claim.Replay replay) {
            return new Outcome(replay.response(), true);
        }
        if (claim instanceof IdempotencyRecords.Claim.InProgress) {
            throw new IdempotencyKeyInUseException();
        }
        if (claim instanceof IdempotencyRecords.Claim.Mismatch) {
            throw new IdempotencyKeyReusedException();
        }
        Attempt attempt;
        try {
            attempt = request.get();
        } catch (RuntimeException | Error e) {
            records.release(scope);
            throw e;
        }
        if (attempt.succeeded()) {
            records.complete(scope, attempt.response());
        } else {
            records.release(scope);
        }
        return new Outcome(attempt.response(), false);
    }
}
