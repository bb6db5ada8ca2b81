package com.coachintel.leads.adapter.http;

import com.coachintel.leads.domain.port.ReadFreshness;
import com.coachintel.leads.domain.user.Caller;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Read-after-write for callers of this instance: a caller who started a write less than {@code window} ago has its
 * lists and streamed exports read from the primary ({@link ReadFreshness}), so that a page which reads the list again
 * right after a PATCH (CoachIntel's does) sees its own change while a read replica lags. Per instance: a proxy that
 * keeps a user on one instance gives read-after-write; one that spreads a user's requests does not.
 *
 * <p>A write is noted when its request starts, after authentication: by the time its answer reaches the client, the
 * next read is already covered.
 */
final class RecentWriters {

    /** Past this many remembered callers, the ones whose window has passed are forgotten. */
    private static final int SWEEP_ABOVE = 10_000;

    private final long windowNanos;
    private final Map<Caller, Long> lastWrite = new ConcurrentHashMap<>();

    RecentWriters(Duration window) {
        this.windowNanos = window.toNanos();
    }

    void wrote(Caller caller) {
        if (windowNanos == 0) {
            return;
        }
        long now = System.nanoTime();
        lastWrite.put(caller, now);
        if (lastWrite.size() > SWEEP_ABOVE) {
            lastWrite.values().removeIf(at -> now - at >= windowNanos);
        }
    }

    /** Runs {@code reads} from the primary if {@code caller} wrote within the window, else as they are. */
    <T, E extends Exception> T reading(Caller caller, ReadFreshness.Reads<T, E> reads) throws E {
        Long at = windowNanos == 0 ? null : lastWrite.get(caller);
        if (at != null && System.nanoTime() - at < windowNanos) {
            return ReadFreshness.fromPrimary(reads);
        }
        return reads.read();
    }
}
