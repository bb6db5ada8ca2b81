package com.coachintel.leads.domain.port;

import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.query.LeadFilters;
import java.io.IOException;
import java.io.OutputStream;

/** Writes an org's leads as CSV ({@link com.coachintel.leads.domain.export.LeadCsv}), streaming, in list order. */
public interface LeadCsvSource {

    /**
     * Writes the header and one row per matching lead, newest first, in constant memory. When {@code out}
     * fails (the client went away) the read stops and its resources are released.
     *
     * @return the number of rows written, without the header
     * @throws IOException when {@code out} fails
     */
    long writeCsv(OrgId org, LeadFilters filters, OutputStream out) throws IOException;
}
