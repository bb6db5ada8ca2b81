package com.coachintel.leads.domain.idempotency;

import java.time.Duration;

/** Keeps idempotency keys and the responses they produced, where every process that serves the API sees them. */
public interface IdempotencyRecords {

    /**
     * Claims {@code scope}'s key for a request whose body has {@code fingerprint}: atomically, so that of two
     * concurrent claims one wins. A key older than {@code ttl} counts as new; so does one whose request has been
     * running for longer than {@code abandonAfter} (its process died).
     */
    Claim claim(IdempotencyScope scope, String fingerprint, Duration ttl, Duration abandonAfter);

    /** Stores the response of the request that claimed the key. */
    void complete(IdempotencyScope scope, StoredResponse response);

    /** Forgets a claimed key whose request failed, so that a retry runs it again. */
    void release(IdempotencyScope scope);

    /** What a claim found. */
    sealed interface Claim {
        /** The key is new: run the request, then {@link #complete} or {@link #release}. */
        record Claimed() implements Claim {
        }

        /** The key's request finished with the same body: answer this. */
        record Replay(StoredResponse response) implements Claim {
        }

        /** The key's first request is still running. */
        record InProgress() implements Claim {
        }

        /** The key was used with another body. */
        record Mismatch() implements Claim {
        }
    }
}
