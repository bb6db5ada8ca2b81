package com.coachintel.leads.adapter.persistence;

import com.coachintel.leads.domain.port.RateLimiter;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link RateLimiter} on {@code rate_limit_windows}: one upsert per attempt increments the bucket's count in the
 * current fixed window and returns it. Windows are aligned to the database's clock, so every instance counts in the
 * same window. A fixed window lets a client send up to twice the limit across a window's edge; for a sign-up form's
 * abuse limit that is enough, and it costs one row per client per window.
 */
final class PostgresRateLimiter implements RateLimiter {

    /** Past windows are deleted at most once a minute per process. */
    private final NowAndThen cleanup = new NowAndThen(60_000);
    /** Windows are kept this long after they start: no window is longer. */
    private static final String KEEP = "1 hour";

    private final Jdbi jdbi;

    PostgresRateLimiter(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Decision acquire(String bucket, int limit, Duration window) {
        long seconds = window.toSeconds();
        if (seconds < 1 || seconds > 3600) {
            throw new IllegalArgumentException("windows are 1 s to 1 h long, got " + window);
        }
        cleanup.run(() -> jdbi.useHandle(handle -> handle.execute(
                "DELETE FROM rate_limit_windows WHERE window_start < now() - interval '" + KEEP + "'")));
        return jdbi.withHandle(handle -> handle.createQuery("""
                        INSERT INTO rate_limit_windows AS w (bucket, window_start, hits)
                        VALUES (:bucket, to_timestamp(floor(extract(epoch FROM clock_timestamp()) / :seconds) * :seconds), 1)
                        ON CONFLICT (bucket, window_start) DO UPDATE SET hits = w.hits + 1
                        RETURNING hits,
                                  extract(epoch FROM w.window_start + make_interval(secs => :seconds) - clock_timestamp())
                                      AS remaining""")
                .bind("bucket", bucket).bind("seconds", seconds)
                .map((rs, ctx) -> {
                    int hits = rs.getInt("hits");
                    if (hits <= limit) {
                        return new Decision(true, Duration.ZERO);
                    }
                    long remainingMillis = Math.max(1, Math.round(rs.getDouble("remaining") * 1000));
                    return new Decision(false, Duration.ofMillis(remainingMillis));
                })
                .one());
    }
}
