package com.coachintel.leads.inmemory;

import com.coachintel.leads.domain.port.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** {@link RateLimiter} in memory: fixed windows aligned to the epoch, as the PostgreSQL adapter counts them. */
final class InMemoryRateLimiter implements RateLimiter {

    private record Window(String bucket, long startMillis) {
    }

    private final Clock clock;
    private final Map<Window, Integer> hits = new HashMap<>();

    InMemoryRateLimiter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Decision acquire(String bucket, int limit, Duration window) {
        long seconds = window.toSeconds();
        if (seconds < 1 || seconds > 3600) {
            throw new IllegalArgumentException("windows are 1 s to 1 h long, got " + window);
        }
        long now = clock.millis();
        long length = seconds * 1000;
        long start = Math.floorDiv(now, length) * length;
        hits.keySet().removeIf(old -> old.startMillis() < start - 3_600_000);
        int count = hits.merge(new Window(bucket, start), 1, Integer::sum);
        if (count <= limit) {
            return new Decision(true, Duration.ZERO);
        }
        return new Decision(false, Duration.ofMillis(Math.max(1, start + length - now)));
    }
}
