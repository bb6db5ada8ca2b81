package com.coachintel.leads.adapter.persistence;

import com.coachintel.leads.domain.LeadListItem;
import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.export.LeadCsv;
import com.coachintel.leads.domain.port.LeadCsvSource;
import com.coachintel.leads.domain.query.LeadFilters;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.result.ResultIterator;

/**
 * {@link LeadCsvSource} as a server-side cursor feeding FastCSV: rows arrive {@value #FETCH_SIZE} at a time
 * and leave as soon as they are written, so memory stays flat whatever the row count. RFC 4180 quoting
 * and CRLF line ends are FastCSV's; what each cell says is {@link LeadCsv}'s.
 */
final class JdbiLeadCsvSource implements LeadCsvSource {

    /** Rows per round trip of the cursor: large enough to keep PostgreSQL busy, small enough to stay flat. */
    static final int FETCH_SIZE = 2_000;

    private final Jdbi jdbi;

    JdbiLeadCsvSource(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public long writeCsv(OrgId org, LeadFilters filters, OutputStream out) throws IOException {
        LeadFilterSql filter = LeadFilterSql.of(org, filters);
        // Not closed: closing would close the caller's stream. Flushed at the end instead.
        CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).bufferSize(64 * 1024)
                .build(new NonClosingOutputStream(out), StandardCharsets.UTF_8);
        RowReader reader = new RowReader(filter);
        Thread readerThread = new Thread(reader, "lead-export-reader");
        readerThread.setDaemon(true);
        readerThread.start();
        long rows = 0;
        try {
            csv.writeRecord(LeadCsv.HEADER);
            for (List<LeadListItem> batch = reader.next(); !batch.isEmpty(); batch = reader.next()) {
                for (LeadListItem lead : batch) {
                    csv.writeRecord(LeadCsv.row(lead));
                }
                rows += batch.size();
            }
            csv.flush();
            return rows;
        } catch (UncheckedIOException e) {
            throw e.getCause(); // FastCSV reports a failing stream unchecked; the reader went away
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
     * PostgreSQL produces the next rows while the caller's thread formats and sends the previous ones. On one
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
                jdbi.useTransaction(handle -> {
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

    /** Lets the CSV writer flush into the caller's stream without ever closing it. */
    private static final class NonClosingOutputStream extends java.io.FilterOutputStream {
        NonClosingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
