package com.coachintel.leads.domain.port;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A caller's way to say that it no longer waits for the work it asked of a port: a web request whose client went
 * away, say. The caller runs the work with {@link #run}, which makes this the current thread's cancellation; a port
 * implementation that can stop its work (a database statement in flight) registers how with {@link #whenCancelled}
 * for as long as the work runs. A port that registers nothing simply finishes; the caller discards the result.
 *
 * <p>Thread-bound on purpose: the ports' signatures stay as they are, and only the implementations that can stop
 * their work know of it.
 */
public final class Cancellation {

    private static final ThreadLocal<Cancellation> CURRENT = new ThreadLocal<>();

    private final List<Runnable> actions = new ArrayList<>();
    private boolean cancelled;

    /** A registration of an action: closed when the work it could stop is over. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /** The cancellation of the work the current thread runs under {@link #run}, if any. */
    public static Optional<Cancellation> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Runs {@code work} on this thread with this as the current cancellation. */
    public <T> T run(Supplier<T> work) {
        Cancellation previous = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /**
     * Registers what stops the work in flight. Runs it at once, on this thread, if cancelled already. Close the
     * registration when the work is over, so that a late cancel cannot stop the next piece of work.
     */
    public Registration whenCancelled(Runnable action) {
        Objects.requireNonNull(action, "action");
        synchronized (this) {
            if (!cancelled) {
                actions.add(action);
                return () -> {
                    synchronized (this) {
                        actions.remove(action);
                    }
                };
            }
        }
        action.run();
        return () -> { };
    }

    /** Stops the registered work: each action runs once, on the cancelling thread. Later calls do nothing. */
    public void cancel() {
        List<Runnable> toRun;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            toRun = List.copyOf(actions);
            actions.clear();
        }
        toRun.forEach(Runnable::run);
    }

    /** Whether {@link #cancel} was called. */
    public synchronized boolean isCancelled() {
        return cancelled;
    }
}
