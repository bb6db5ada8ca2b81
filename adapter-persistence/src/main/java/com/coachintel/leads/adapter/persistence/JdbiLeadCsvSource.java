package com.coachintel.leads.adapter.persistence;

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
import org.jdbi.v3.core.Jdbi;

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
        JdbiLeadQueries.LeadFilter filter = JdbiLeadQueries.LeadFilter.of(org, filters);
        // Not closed: closing would close the caller's stream. Flushed at the end instead.
        CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).bufferSize(64 * 1024)
                .build(new NonClosingOutputStream(out), StandardCharsets.UTF_8);
        try {
            csv.writeRecord(LeadCsv.HEADER);
            // A cursor needs a transaction (pgjdbc fetches in batches only outside auto-commit).
            long rows = jdbi.inTransaction(handle -> {
                long[] count = {0};
                handle.createQuery(filter.exportSql())
                        .bindMap(filter.parameters())
                        .setFetchSize(FETCH_SIZE)
                        .map((rs, ctx) -> SqlRows.leadListItem(rs))
                        .forEach(lead -> {
                            csv.writeRecord(LeadCsv.row(lead));
                            count[0]++;
                        });
                return count[0];
            });
            csv.flush();
            return rows;
        } catch (UncheckedIOException e) {
            throw e.getCause(); // FastCSV reports a failing stream unchecked; the reader went away
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
