package com.coachintel.leads.application.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.user.UserAccount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CachedUserAccountsTest {

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-26T12:00:00Z"));
    final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    final AtomicInteger lookups = new AtomicInteger();
    final AtomicReference<Boolean> active = new AtomicReference<>(true);
    final UserAccount account = new UserAccount(UUID.randomUUID(), new OrgId(UUID.randomUUID()), "coach@example.com", true);
    final CachedUserAccounts cache = new CachedUserAccounts(email -> {
        lookups.incrementAndGet();
        return email.equalsIgnoreCase("coach@example.com")
                ? Optional.of(new UserAccount(account.id(), account.orgId(), account.email(), active.get()))
                : Optional.empty();
    }, Duration.ofSeconds(5), clock);

    @Test
    void answers_repeated_look_ups_from_memory_whatever_the_case() {
        cache.findByEmail("coach@example.com");
        cache.findByEmail("COACH@example.com");
        cache.findByEmail("nobody@example.com");
        cache.findByEmail("nobody@example.com");

        assertThat(lookups).hasValue(2);
    }

    @Test
    void a_deactivation_takes_effect_once_the_entry_expires() {
        assertThat(cache.findByEmail("coach@example.com")).hasValueSatisfying(u -> assertThat(u.active()).isTrue());
        active.set(false);

        now.set(now.get().plusSeconds(4));
        assertThat(cache.findByEmail("coach@example.com")).hasValueSatisfying(u -> assertThat(u.active()).isTrue());
        now.set(now.get().plusSeconds(2));
        assertThat(cache.findByEmail("coach@example.com")).hasValueSatisfying(u -> assertThat(u.active()).isFalse());
    }

    @Test
    void probing_with_many_emails_cannot_grow_it_without_bound() {
        for (int i = 0; i < CachedUserAccounts.MAX_ENTRIES * 2 + 5; i++) {
            cache.findByEmail("probe" + i + "@example.com");
        }
        cache.findByEmail("probe1@example.com");

        assertThat(lookups.get()).isEqualTo(CachedUserAccounts.MAX_ENTRIES * 2 + 6);
    }
}
