package com.coachintel.leads.domain.port;

import com.coachintel.leads.domain.export.ExportId;

/** Hands export jobs to whichever worker process takes them. */
public interface ExportScheduler {

    /** Schedules the export to run; scheduling the same export twice runs it once. */
    void enqueue(ExportId id);
}
