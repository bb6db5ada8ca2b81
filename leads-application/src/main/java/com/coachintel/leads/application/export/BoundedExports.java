package com.coachintel.leads.application.export;

import com.coachintel.leads.domain.query.LeadFilters;
import com.coachintel.leads.domain.user.Caller;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Semaphore;

/**
 * {@link ExportLeadsUseCase} with at most {@code limit} streamed exports at once, across every org: a stream holds its
 * database connection while its client reads, and a dozen slow readers would otherwise hold the whole pool. One more
 * is refused at once with {@link ExportsBusyException}; none waits, since a waiting request holds a thread instead.
 */
public final class BoundedExports implements ExportLeadsUseCase {

    /** What a refused caller is told to wait: an export of a typical org takes about this long. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    private final ExportLeadsUseCase exports;
    private final Semaphore slots;
    private final int limit;

    /**
     * @param exports the unbounded use case
     * @param limit   streamed exports at once, at least 1
     */
    public BoundedExports(ExportLeadsUseCase exports, int limit) {
        this.exports = Objects.requireNonNull(exports, "exports");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        this.limit = limit;
        this.slots = new Semaphore(limit);
    }

    @Override
    public ExportWritten exportCsv(Caller caller, LeadFilters filters, CsvTarget target) throws IOException {
        if (!slots.tryAcquire()) {
            throw new ExportsBusyException(limit, RETRY_AFTER);
        }
        try {
            return exports.exportCsv(caller, filters, target);
        } finally {
            slots.release();
        }
    }
}
