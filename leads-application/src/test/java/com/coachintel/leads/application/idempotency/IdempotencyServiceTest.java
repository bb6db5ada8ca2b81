package com.coachintel.leads.application.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.ValidationException;
import com.coachintel.leads.domain.idempotency.IdempotencyRecords;
import com.coachintel.leads.domain.idempotency.IdempotencyScope;
import com.coachintel.leads.domain.idempotency.StoredResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Stripe's rules for idempotency keys, over an in-memory record of them. */
class IdempotencyServiceTest {

    /** Keys in memory, as the PostgreSQL adapter keeps them (without expiry: that is the adapter's test). */
    static final class InMemoryRecords implements IdempotencyRecords {
        record Row(String fingerprint, StoredResponse response) {
        }

        final Map<IdempotencyScope, Row> rows = new HashMap<>();

        @Override
        public synchronized Claim claim(IdempotencyScope scope, String fingerprint, Duration ttl, Duration abandonAfter) {
            Row row = rows.get(scope);
            if (row == null) {
                rows.put(scope, new Row(fingerprint, null));
                return new Claim.Claimed();
            }
            if (!row.fingerprint().equals(fingerprint)) {
                return new Claim.Mismatch();
            }
            return row.response() == null ? new Claim.InProgress() : new Claim.Replay(row.response());
        }

        @Override
        public synchronized void complete(IdempotencyScope scope, StoredResponse response) {
            rows.put(scope, new Row(rows.get(scope).fingerprint(), response));
        }

        @Override
        public synchronized void release(IdempotencyScope scope) {
            rows.remove(scope);
        }
    }

    final InMemoryRecords records = new InMemoryRecords();
    final IdempotencyService service = new IdempotencyService(records);
    final IdempotencyScope scope = new IdempotencyScope(new OrgId(UUID.randomUUID()), "coach@example.com", "POST /leads", "k1");
    final AtomicInteger runs = new AtomicInteger();

    IdempotentRequests.Attempt created() {
        runs.incrementAndGet();
        return new IdempotentRequests.Attempt(new StoredResponse("201 {}".getBytes(StandardCharsets.UTF_8)), true);
    }

    @Test
    void a_retry_with_the_same_body_answers_the_first_response_without_running_again() {
        IdempotentRequests.Outcome first = service.execute(scope, "fp", this::created);
        IdempotentRequests.Outcome retry = service.execute(scope, "fp", this::created);

        assertThat(first.replayed()).isFalse();
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.response()).isEqualTo(first.response());
        assertThat(runs).hasValue(1);
    }

    @Test
    void the_same_key_with_another_body_is_refused() {
        service.execute(scope, "fp", this::created);
        assertThatThrownBy(() -> service.execute(scope, "other", this::created))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(runs).hasValue(1);
    }

    @Test
    void a_key_whose_first_request_runs_is_refused() {
        service.execute(scope, "fp", () -> {
            assertThatThrownBy(() -> service.execute(scope, "fp", this::created))
                    .isInstanceOf(IdempotencyKeyInUseException.class);
            return created();
        });
        assertThat(runs).hasValue(1);
    }

    @Test
    void a_failed_request_does_not_keep_its_key() {
        assertThatThrownBy(() -> service.execute(scope, "fp", () -> {
            throw ValidationException.of("email", "is required");
        })).isInstanceOf(ValidationException.class);
        assertThat(records.rows).isEmpty();

        IdempotentRequests.Attempt conflict = new IdempotentRequests.Attempt(new StoredResponse(new byte[0]), false);
        assertThat(service.execute(scope, "fp", () -> conflict).replayed()).isFalse();
        assertThat(records.rows).isEmpty();

        assertThat(new String(service.execute(scope, "fp", this::created).response().content(), StandardCharsets.UTF_8))
                .isEqualTo("201 {}");
    }

    @Test
    void another_user_or_path_is_another_key() {
        service.execute(scope, "fp", this::created);
        service.execute(new IdempotencyScope(scope.org(), "other@example.com", scope.operation(), scope.key()), "fp",
                this::created);
        service.execute(new IdempotencyScope(scope.org(), scope.user(), "POST /other", scope.key()), "fp", this::created);
        assertThat(runs).hasValue(3);
    }
}
