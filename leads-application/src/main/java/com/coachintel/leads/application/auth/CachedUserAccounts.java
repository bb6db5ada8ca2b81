package com.coachintel.leads.application.auth;

import com.coachintel.leads.domain.port.UserAccounts;
import com.coachintel.leads.domain.user.UserAccount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link UserAccounts} that remembers each answer (found or not) for a short time, so that a busy API
 * does not look the same user up on every request. The price: deactivating a user, or adding one, takes
 * effect within {@code timeToLive}.
 */
public final class CachedUserAccounts implements UserAccounts {

    /** Beyond this many remembered emails the cache starts afresh, so that probing with random emails cannot grow it. */
    static final int MAX_ENTRIES = 10_000;

    private final UserAccounts source;
    private final Duration timeToLive;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public CachedUserAccounts(UserAccounts source, Duration timeToLive, Clock clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.timeToLive = Objects.requireNonNull(timeToLive, "timeToLive");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<UserAccount> findByEmail(String email) {
        String key = email.toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        Entry entry = entries.get(key);
        if (entry != null && now.isBefore(entry.expiresAt())) {
            return entry.account();
        }
        Optional<UserAccount> account = source.findByEmail(email);
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry(account, now.plus(timeToLive)));
        return account;
    }

    private record Entry(Optional<UserAccount> account, Instant expiresAt) {
    }
}
