package com.coachintel.leads.domain.port;

import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.export.ExportId;
import com.coachintel.leads.domain.export.LeadExport;
import com.coachintel.leads.domain.query.Page;
import com.coachintel.leads.domain.query.PageRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Optional;

/** Export jobs and their files, kept where every instance of the service can reach them. */
public interface LeadExports {

    /** Stores a new export. */
    void create(LeadExport export);

    /** The export, if the org has it. */
    Optional<LeadExport> find(OrgId org, ExportId id);

    /** The export whatever its org: for the worker, which acts for nobody. */
    Optional<LeadExport> findForWorker(ExportId id);

    /** The org's exports, newest first. */
    Page<LeadExport> list(OrgId org, PageRequest page);

    /** Marks the export running and drops what an earlier attempt may have written. */
    void markRunning(ExportId id);

    /** Marks the export succeeded with its row count. */
    void markSucceeded(ExportId id, long rowCount, Instant at);

    /** Marks the export failed with the reason. */
    void markFailed(ExportId id, String error, Instant at);

    /** A stream that stores what is written as the export's file, in pieces; closing it completes the file. */
    OutputStream openFile(ExportId id);

    /** Writes the export's stored file to {@code out}. */
    void copyFile(ExportId id, OutputStream out) throws IOException;

    /** Deletes the exports (and files) that expired before {@code now}; returns how many. */
    int deleteExpired(Instant now);
}
