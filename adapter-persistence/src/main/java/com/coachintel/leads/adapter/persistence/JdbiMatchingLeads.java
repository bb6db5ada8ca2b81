package com.coachintel.leads.adapter.persistence;

import com.coachintel.leads.domain.LeadListItem;
import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.port.MatchingLeads;
import com.coachintel.leads.domain.query.LeadFilters;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.result.ResultIterator;

/**
 * {@link MatchingLeads} as a server-side cursor: rows arrive {@value #FETCH_SIZE} at a time and are handed on as
 * soon as they are decoded, so memory stays flat whatever the row count.
 */
final class JdbiMatchingLeads implements MatchingLeads {

    /** Rows per round trip of the cursor: large enough to keep PostgreSQL busy, small enough to stay flat. */
    static final int FETCH_SIZE = 2_000;

    private final ReadRouting reads;

    JdbiMatchingLeads(ReadRouting reads) {
        this.reads = reads;
    }

    @Override
    public long forEach(OrgId org, LeadFilters filters, Consumer each) throws IOException {
        RowReader reader = new RowReader(LeadFilterSql.of(org, filters));
        Thread readerThread = new Thread(reader, "lead-export-reader");
        readerThread.setDaemon(true);
        readerThread.start();
        long rows = 0;
        try {
            for (List<LeadListItem> batch = reader.next(); !batch.isEmpty(); batch = reader.next()) {
                for (LeadListItem lead : batch) {
                    each.accept(lead);
                }
                rows += batch.size();
            }
            return rows;
        } finally {
            reader.cancel();
            joinUninterruptibly(readerThread); // its transaction ends (and its connection returns) before this does
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Fetches and decodes rows on its own thread and hands them over in batches through a short queue, so that
     * PostgreSQL produces the next rows while the caller's thread handles (formats and sends) the previous ones. On one
     * thread the two took turns: the export ran at the sum of their times rather than the larger one.
     */
    private final class RowReader implements Runnable {

        private static final int BATCH = 500;
        private static final List<LeadListItem> END = List.of();

        private final LeadFilterSql filter;
        // A few batches ahead at most: memory stays flat whatever the row count.
        private final BlockingQueue<List<LeadListItem>> batches = new ArrayBlockingQueue<>(4);
        private volatile boolean cancelled;
        private volatile RuntimeException failure;

        RowReader(LeadFilterSql filter) {
            this.filter = filter;
        }

        @Override
        public void run() {
            try {
                // A cursor needs a transaction (pgjdbc fetches in batches only outside auto-commit).
                reads.stream(handle -> {
                    List<LeadListItem> batch = new ArrayList<>(BATCH);
                    try (ResultIterator<LeadListItem> leads = handle.createQuery(filter.everyMatchSql())
                            .bindMap(filter.parameters())
                            .setFetchSize(FETCH_SIZE)
                            .map((rs, ctx) -> SqlRows.leadListItem(rs))
                            .iterator()) {
                        while (leads.hasNext()) {
                            batch.add(leads.next());
                            if (batch.size() == BATCH) {
                                handOver(batch);
                                batch = new ArrayList<>(BATCH);
                            }
                        }
                    }
                    if (!batch.isEmpty()) {
                        handOver(batch);
                    }
                });
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                offerEnd();
            }
        }

        private void handOver(List<LeadListItem> batch) {
            try {
                while (!batches.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                    if (cancelled) {
                        throw new CancellationException("the export's reader went away");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            }
        }

        private void offerEnd() {
            // The writer may have stopped taking: then nobody waits for the end marker either.
            try {
                while (!cancelled && !batches.offer(END, 100, TimeUnit.MILLISECONDS)) {
                    // the writer is still busy with earlier batches
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The next batch; empty at the end. Rethrows the reader's failure. */
        List<LeadListItem> next() {
            try {
                List<LeadListItem> batch = batches.take();
                if (batch == END && failure != null) {
                    throw failure;
                }
                return batch;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while waiting for rows");
            }
        }

        void cancel() {
            cancelled = true;
        }
    }
}
