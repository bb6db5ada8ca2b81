package com.coachintel.leads.inmemory;

import com.coachintel.leads.domain.idempotency.IdempotencyRecords;
import com.coachintel.leads.domain.idempotency.IdempotencyScope;
import com.coachintel.leads.domain.idempotency.StoredResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** {@link IdempotencyRecords} in memory, with the PostgreSQL adapter's expiry and abandonment rules. */
final class InMemoryIdempotencyRecords implements IdempotencyRecords {

    private record Key(String fingerprint, Instant startedAt, Instant expiresAt, StoredResponse response) {
    }

    private final Clock clock;
    private final Map<IdempotencyScope, Key> keys = new HashMap<>();

    InMemoryIdempotencyRecords(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Claim claim(IdempotencyScope scope, String fingerprint, Duration ttl, Duration abandonAfter) {
        Instant now = clock.instant();
        Key existing = keys.get(scope);
        if (existing != null && (!existing.expiresAt().isAfter(now)
                || existing.response() == null && !existing.startedAt().isAfter(now.minus(abandonAfter)))) {
            existing = null; // expired, or its request was abandoned: counts as new
        }
        if (existing == null) {
            keys.put(scope, new Key(fingerprint, now, now.plus(ttl), null));
            return new Claim.Claimed();
        }
        if (!existing.fingerprint().equals(fingerprint)) {
            return new Claim.Mismatch();
        }
        return existing.response() == null ? new Claim.InProgress() : new Claim.Replay(existing.response());
    }

    @Override
    public synchronized void complete(IdempotencyScope scope, StoredResponse response) {
        Key key = keys.get(scope);
        if (key != null) {
            keys.put(scope, new Key(key.fingerprint(), key.startedAt(), key.expiresAt(), response));
        }
    }

    @Override
    public synchronized void release(IdempotencyScope scope) {
        Key key = keys.get(scope);
        if (key != null && key.response() == null) {
            keys.remove(scope);
        }
    }
}
