package com.coachintel.leads.domain.port;

import java.util.Objects;

/**
 * A caller's way to say that the reads it is about to make must see the latest writes: its own, made a moment ago.
 * Some reads (lists, exports) may be served by a read replica, which lags the primary by up to a configured limit;
 * run inside {@link #fromPrimary}, a port implementation that has a replica reads from the primary instead. An
 * implementation without a replica always reads the latest writes and never looks.
 *
 * <p>Thread-bound, as {@link Cancellation} is: the ports' signatures stay as they are.
 */
public final class ReadFreshness {

    private static final ThreadLocal<Boolean> PRIMARY = new ThreadLocal<>();

    private ReadFreshness() {
    }

    /** Work whose reads must see the latest writes, which may fail with {@code E}. */
    @FunctionalInterface
    public interface Reads<T, E extends Exception> {
        T read() throws E;
    }

    /** Runs {@code reads} on this thread with every read it makes going to the primary. */
    public static <T, E extends Exception> T fromPrimary(Reads<T, E> reads) throws E {
        Objects.requireNonNull(reads, "reads");
        Boolean previous = PRIMARY.get();
        PRIMARY.set(Boolean.TRUE);
        try {
            return reads.read();
        } finally {
            if (previous == null) {
                PRIMARY.remove();
            } else {
                PRIMARY.set(previous);
            }
        }
    }

    /** Whether the current thread runs under {@link #fromPrimary}. */
    public static boolean primaryRequired() {
        return Boolean.TRUE.equals(PRIMARY.get());
    }
}
