package com.coachintel.leads.application.export;

import com.coachintel.leads.domain.export.ExportId;

/** What the background worker does: run an export job, and delete expired exports. */
public interface RunExportUseCase {

    /**
     * Writes the export's file. Safe to run twice: a succeeded export is left alone, and a rerun of an
     * unfinished one starts its file afresh. Failures are recorded on the export and rethrown, so that the
     * job scheduler retries them and shows them.
     *
     * @return what this run wrote; {@link ExportWritten#NOTHING} when there was nothing to do (the export is gone,
     *         or a previous run finished it)
     */
    ExportWritten runExport(ExportId id);

    /** Deletes exports past their expiry, with their files; returns how many. */
    int deleteExpiredExports();
}
