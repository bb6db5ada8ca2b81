package com.coachintel.leads.application.export;

import com.coachintel.leads.domain.export.ExportId;
import com.coachintel.leads.domain.export.LeadExport;
import com.coachintel.leads.domain.query.LeadFilters;
import com.coachintel.leads.domain.query.Page;
import com.coachintel.leads.domain.query.PageRequest;
import com.coachintel.leads.domain.user.Caller;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Function;

/** Exports as background jobs, for callers that cannot wait for a long download. */
public interface ExportJobsUseCase {

    /** Records a queued export of the matching leads and schedules it. */
    LeadExport requestExport(Caller caller, LeadFilters filters);

    /**
     * @throws com.coachintel.leads.domain.export.ExportNotFoundException when the caller's org has no such export
     */
    LeadExport getExport(Caller caller, ExportId id);

    /** The caller's org's exports, newest first. */
    Page<LeadExport> listExports(Caller caller, PageRequest page);

    /**
     * Writes the export's file to the stream {@code open} gives for it. {@code open} is called only once the
     * file is known to be there, so a caller can send its response headers (named after the export) there.
     *
     * @throws com.coachintel.leads.domain.export.ExportNotFoundException when the caller's org has no such export
     * @throws com.coachintel.leads.domain.export.ExportNotReadyException when it has not succeeded (yet)
     */
    void downloadExport(Caller caller, ExportId id, Function<LeadExport, OutputStream> open) throws IOException;
}
