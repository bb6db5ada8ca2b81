package com.coachintel.leads.application.csv;

import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.export.LeadCsv;
import com.coachintel.leads.domain.port.MatchingLeads;
import com.coachintel.leads.domain.query.LeadFilters;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Writes an org's matching leads as CSV (RFC 4180 quoting, CRLF line ends, UTF-8): the header, then one row per
 * lead in list order, streamed from {@link MatchingLeads} in constant memory.
 */
public final class LeadCsvWriter {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final MatchingLeads leads;

    public LeadCsvWriter(MatchingLeads leads) {
        this.leads = Objects.requireNonNull(leads, "leads");
    }

    /**
     * Writes the CSV into {@code out}, which is flushed but not closed (it is the caller's).
     *
     * @return the number of rows written, without the header
     * @throws IOException when {@code out} fails (the client went away); the read stops and its resources are
     *                     released first
     */
    public long write(OrgId org, LeadFilters filters, OutputStream out) throws IOException {
        CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).bufferSize(BUFFER_BYTES)
                .build(new NonClosingOutputStream(out), StandardCharsets.UTF_8);
        try {
            csv.writeRecord(LeadCsv.HEADER);
            long rows = leads.forEach(org, filters, lead -> {
                try {
                    csv.writeRecord(LeadCsv.row(lead));
                } catch (UncheckedIOException e) {
                    throw e.getCause(); // FastCSV reports a failing stream unchecked
                }
            });
            csv.flush();
            return rows;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Lets the CSV writer flush into the caller's stream without ever closing it. */
    private static final class NonClosingOutputStream extends FilterOutputStream {
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
