package com.coachintel.leads.application.idempotency;

import com.coachintel.leads.inmemory.InMemoryPersistence;
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

    final IdempotencyRecords records = new InMemoryPersistence().idempotencyRecords();
    final IdempotencyService service = new IdempotencyService(records);
    final IdempotencyScope scope = new IdempotencyScope(new OrgId(UUID.randomUUID()), "coach@example.com", "POST /leads", "k1");
    final AtomicInteger runs = new AtomicInteger();

    /** Whether the store still holds the scope's key: a claim with another fingerprint is then refused. */
    boolean keptKey() {
        IdempotencyRecords.Claim probe = records.claim(scope, "probe", java.time.Duration.ofDays(1), java.time.Duration.ofHours(1));
        if (probe instanceof IdempotencyRecords.Claim.Claimed) {
            records.release(scope);
            return false;
        }
        return true;
    }

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
        assertThat(keptKey()).as("the key is free again").isFalse();

        IdempotentRequests.Attempt conflict = new IdempotentRequests.Attempt(new StoredResponse(new byte[0]), false);
        assertThat(service.execute(scope, "fp", () -> conflict).replayed()).isFalse();
        assertThat(keptKey()).isFalse();

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
