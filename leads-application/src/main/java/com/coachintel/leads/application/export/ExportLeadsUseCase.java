package com.coachintel.leads.application.export;

import com.coachintel.leads.domain.query.LeadFilters;
import com.coachintel.leads.domain.user.Caller;
import java.io.IOException;
import java.io.OutputStream;

/** Streams the caller's org's leads as CSV, now. */
public interface ExportLeadsUseCase {

    /**
     * Writes the header and the matching leads, newest first, to {@code out} in constant memory.
     *
     * @return the number of rows written, without the header
     * @throws IOException when {@code out} fails (the client went away); the read stops then
     */
    long exportCsv(Caller caller, LeadFilters filters, OutputStream out) throws IOException;
}
