package com.coachintel.leads.adapter.persistence;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a chore at most once per interval per process, on the thread of whichever call finds it due: expired rate-limit
 * windows and idempotency keys are deleted in passing, without a scheduler of their own.
 */
final class NowAndThen {

    private final long everyMillis;
    private final AtomicLong last = new AtomicLong();

    NowAndThen(long everyMillis) {
        this.everyMillis = everyMillis;
    }

    /** Runs {@code chore} when the interval has passed since it last ran here; one caller wins a race for it. */
    void run(Runnable chore) {
        long now = System.currentTimeMillis();
        long previous = last.get();
        if (now - previous >= everyMillis && last.compareAndSet(previous, now)) {
            chore.run();
        }
    }
}
