package com.coachintel.leads.adapter.persistence;

import com.coachintel.leads.domain.idempotency.IdempotencyRecords;
import com.coachintel.leads.domain.idempotency.IdempotencyScope;
import com.coachintel.leads.domain.idempotency.StoredResponse;
import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * {@link IdempotencyRecords} on {@code idempotency_keys}. A claim is an {@code INSERT ... ON CONFLICT DO NOTHING}
 * on the key's primary key: of two concurrent claims, the second waits for the first's row and then finds it.
 */
final class JdbiIdempotencyRecords implements IdempotencyRecords {

    private static final String KEY = "org_id = :org AND user_email = :user AND operation = :operation AND key = :key";

    private final Jdbi jdbi;
    /** Expired keys are deleted at most every ten minutes per process. */
    private final NowAndThen cleanup = new NowAndThen(600_000);

    JdbiIdempotencyRecords(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Claim claim(IdempotencyScope scope, String fingerprint, Duration ttl, Duration abandonAfter) {
        cleanup.run(() -> jdbi.useHandle(handle -> handle.execute("DELETE FROM idempotency_keys WHERE expires_at <= now()")));
        return jdbi.withHandle(handle -> {
            while (true) {
                // An expired key, or one whose request was abandoned, counts as new.
                bindKey(handle.createUpdate("DELETE FROM idempotency_keys WHERE " + KEY + " AND (expires_at <= now()"
                        + " OR (state = 'running' AND started_at <= now() - make_interval(secs => :abandon)))"), scope)
                        .bind("abandon", abandonAfter.toSeconds()).execute();
                boolean claimed = bindKey(handle.createQuery("""
                                INSERT INTO idempotency_keys (org_id, user_email, operation, key, fingerprint, state,
                                                              started_at, expires_at)
                                VALUES (:org, :user, :operation, :key, :fingerprint, 'running', now(),
                                        now() + make_interval(secs => :ttl))
                                ON CONFLICT DO NOTHING RETURNING true"""), scope)
                        .bind("fingerprint", fingerprint).bind("ttl", ttl.toSeconds())
                        .mapTo(Boolean.class).findOne().isPresent();
                if (claimed) {
                    return new Claim.Claimed();
                }
                Optional<Claim> existing = existing(handle, scope, fingerprint);
                if (existing.isPresent()) {
                    return existing.get();
                }
                // released between our insert and our look: claim again
            }
        });
    }

    private static Optional<Claim> existing(Handle handle, IdempotencyScope scope, String fingerprint) {
        return bindKey(handle.createQuery("SELECT fingerprint, state, response FROM idempotency_keys WHERE " + KEY), scope)
                .map((rs, ctx) -> {
                    if (!rs.getString("fingerprint").equals(fingerprint)) {
                        return (Claim) new Claim.Mismatch();
                    }
                    if (rs.getString("state").equals("running")) {
                        return new Claim.InProgress();
                    }
                    return new Claim.Replay(new StoredResponse(rs.getBytes("response")));
                })
                .findOne();
    }

    @Override
    public void complete(IdempotencyScope scope, StoredResponse response) {
        jdbi.useHandle(handle -> bindKey(handle.createUpdate(
                        "UPDATE idempotency_keys SET state = 'completed', response = :response WHERE " + KEY), scope)
                .bind("response", response.content())
                .execute());
    }

    @Override
    public void release(IdempotencyScope scope) {
        jdbi.useHandle(handle -> bindKey(handle.createUpdate(
                "DELETE FROM idempotency_keys WHERE " + KEY + " AND state = 'running'"), scope).execute());
    }

    private static <S extends SqlStatement<S>> S bindKey(S statement, IdempotencyScope scope) {
        return statement.bind("org", scope.org().value()).bind("user", scope.user())
                .bind("operation", scope.operation()).bind("key", scope.key());
    }
}
