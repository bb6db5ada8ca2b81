package com.coachintel.leads.application.export;

import com.coachintel.leads.domain.query.LeadFilters;
import com.coachintel.leads.domain.user.Caller;
import java.io.IOException;
import java.io.OutputStream;

/** Streams the caller's org's leads as CSV, now. */
public interface ExportLeadsUseCase {

    /**
     * Writes the header and the matching leads, newest first, in constant memory, to the stream {@code target} opens.
     * {@code target} is opened only once the export can run: a refusal (such as {@link ExportsBusyException}) comes
     * before it, while the caller can still answer with an error.
     *
     * @return what was written: the rows (without the header) and the bytes
     * @throws IOException when the stream fails (the client went away); the read stops then
     */
    ExportWritten exportCsv(Caller caller, LeadFilters filters, CsvTarget target) throws IOException;

    /** Where the CSV goes, opened once the export starts. */
    @FunctionalInterface
    interface CsvTarget {

        /** Opens the stream; an HTTP adapter sends its status and headers here. */
        OutputStream open() throws IOException;
    }
}
