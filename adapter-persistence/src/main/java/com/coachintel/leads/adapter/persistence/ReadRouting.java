package com.coachintel.leads.adapter.persistence;

import com.coachintel.leads.domain.port.ReadFreshness;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the reads that may be a little stale go: the list (its items and total) and the exports' query. Everything
 * else reads the primary. With a read replica, these go to it while it is usable: it answered the last probe (one a
 * second) within {@link #PROBE_STALE}, and it lags by at most the limit. Otherwise, or when the caller runs under
 * {@link ReadFreshness#fromPrimary} (it wrote a moment ago), they go to the primary.
 *
 * <p>A list whose read on the replica fails because the replica went away, or because replaying the primary's WAL
 * cancelled it (a replication conflict), is read again from the primary: nothing was answered yet. An export's
 * stream has written rows by then, so it fails instead, and its job is retried (on the primary, once the replica is
 * marked unusable). Every change between the replica and the primary is logged once, with the reason.
 */
final class ReadRouting implements AutoCloseable {

    /** How often the replica's lag is measured. */
    static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);
    /** A replica whose last answer to a probe is older than this is not used: it may have frozen. */
    static final Duration PROBE_STALE = Duration.ofSeconds(3);

    private static final Logger LOG = LoggerFactory.getLogger(ReadRouting.class);

    /**
     * The lag in seconds: zero when everything received is replayed, else the age of the last transaction replayed;
     * null when the standby does not stream (it could not know how far behind it is).
     */
    static final String LAG_SQL = """
            SELECT pg_is_in_recovery() AS standby,
                   CASE WHEN NOT pg_is_in_recovery() THEN 0
                        WHEN pg_last_wal_receive_lsn() IS NULL THEN NULL
                        WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
                        ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp()) END AS lag,
                   (SELECT status FROM pg_stat_wal_receiver) AS receiver""";

    private final Jdbi primary;
    private final Optional<Jdbi> replica;
    private final Duration maxLag;
    private final ScheduledExecutorService probe;
    private volatile long lastAnswerNanos;
    private volatile double lagSeconds = Double.NaN;
    private volatile String unusableBecause = "not probed yet";
    private String loggedState = "starting";

    /** Every read on the primary. */
    ReadRouting(Jdbi primary) {
        this.primary = Objects.requireNonNull(primary, "primary");
        this.replica = Optional.empty();
        this.maxLag = Duration.ZERO;
        this.probe = null;
    }

    /** Stale-tolerant reads on {@code replica} while it lags by at most {@code maxLag}. */
    ReadRouting(Jdbi primary, Jdbi replica, Duration maxLag, Optional<MeterRegistry> meters) {
        this.primary = Objects.requireNonNull(primary, "primary");
        this.replica = Optional.of(replica);
        this.maxLag = Objects.requireNonNull(maxLag, "maxLag");
        meters.ifPresent(registry -> {
            Gauge.builder("leads.replica.lag", this, routing -> routing.lagSeconds).baseUnit("seconds")
                    .description("How far the read replica lags the primary (NaN: unreachable)").register(registry);
            Gauge.builder("leads.replica.used", this, routing -> routing.replicaUsable() ? 1 : 0)
                    .description("1 while lists and exports read from the replica, 0 while they read the primary")
                    .register(registry);
        });
        this.probe = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "leads-replica-probe");
            thread.setDaemon(true);
            return thread;
        });
        measure();
        probe.scheduleWithFixedDelay(this::measure, PROBE_INTERVAL.toMillis(), PROBE_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** A read that may be repeated: on the replica when usable, again on the primary if the replica fails it. */
    <R, X extends Exception> R read(HandleCallback<R, X> read) throws X {
        if (!replicaChosen()) {
            return primary.withHandle(read);
        }
        try {
            return replica.orElseThrow().withHandle(read);
        } catch (RuntimeException e) {
            Optional<String> why = replicaFault(e);
            if (why.isEmpty()) {
                throw e;
            }
            LOG.info("a list read on the replica failed ({}); read again from the primary", why.get());
            return primary.withHandle(read);
        }
    }

    /** A read that streams as it goes, in a transaction: on the replica when usable, never repeated here. */
    <X extends Exception> void stream(HandleConsumer<X> read) throws X {
        if (!replicaChosen()) {
            primary.useTransaction(read);
            return;
        }
        try {
            replica.orElseThrow().useTransaction(read);
        } catch (RuntimeException e) {
            replicaFault(e).ifPresent(why -> LOG.info("an export's read on the replica failed ({}); it fails, and its"
                    + " retry reads {}", why, replicaUsable() ? "the replica again" : "the primary"));
            throw e;
        }
    }

    private boolean replicaChosen() {
        return replica.isPresent() && !ReadFreshness.primaryRequired() && replicaUsable();
    }

    /** Whether the replica answered lately and lags within the limit. */
    boolean replicaUsable() {
        return replica.isPresent() && unusableBecause == null
                && System.nanoTime() - lastAnswerNanos < PROBE_STALE.toNanos();
    }

    /**
     * Why a failed read says the replica cannot serve it now, or empty for a failure the primary would share (a
     * cancelled request, a bad statement). A lost replica also makes it unusable until a probe says otherwise.
     */
    private Optional<String> replicaFault(RuntimeException e) {
        if (e instanceof ConnectionException) {
            unusable("no connection to the replica (" + e.getClass().getSimpleName() + ")");
            return Optional.of("no connection");
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P03")) {
                    unusable("the replica's connection failed (SQLSTATE " + state + ")");
                    return Optional.of("SQLSTATE " + state);
                }
                if (state.equals("40001") || state.equals("40P01")) {
                    // Replaying the primary's WAL cancelled the read; the replica itself is fine.
                    return Optional.of("a replication conflict, SQLSTATE " + state);
                }
            }
        }
        return Optional.empty();
    }

    private void measure() {
        try {
            Map<String, Object> row = replica.orElseThrow().withHandle(handle -> handle.createQuery(LAG_SQL).mapToMap().one());
            Number lag = (Number) row.get("lag");
            Object receiver = row.get("receiver");
            lastAnswerNanos = System.nanoTime();
            if (lag == null) {
                lagSeconds = Double.NaN;
                unusable("the replica does not stream from the primary, so its lag is unknown");
            } else if (Boolean.TRUE.equals(row.get("standby")) && receiver != null && !"streaming".equals(receiver)) {
                lagSeconds = lag.doubleValue();
                unusable("the replica's WAL receiver is " + receiver + ", not streaming");
            } else {
                lagSeconds = lag.doubleValue();
                if (lagSeconds * 1000 > maxLag.toMillis()) {
                    unusable(String.format(java.util.Locale.ROOT, "the replica lags by %.1f s, over the %d ms allowed",
                            lagSeconds, maxLag.toMillis()));
                } else {
                    usable();
                }
            }
        } catch (RuntimeException e) {
            lagSeconds = Double.NaN;
            unusable("the replica does not answer (" + e.getClass().getSimpleName() + ")");
        }
    }

    private synchronized void unusable(String why) {
        unusableBecause = why;
        if (!loggedState.equals("unusable")) {
            loggedState = "unusable";
            LOG.warn("The read replica is not used: {}; lists and exports read from the primary", why);
        }
    }

    private synchronized void usable() {
        unusableBecause = null;
        if (!loggedState.equals("usable")) {
            loggedState = "usable";
            LOG.info("The read replica is used for lists and exports (lag {} s)",
                    String.format(java.util.Locale.ROOT, "%.3f", lagSeconds));
        }
    }

    @Override
    public void close() {
        if (probe != null) {
            probe.shutdownNow();
        }
    }
}
