package com.coachintel.leads.domain.export;

import java.util.Locale;

/** Where an export job stands. */
public enum ExportStatus {
    /** Waiting for a worker. */
    QUEUED,
    /** A worker is writing the file. */
    RUNNING,
    /** The file is ready to download. */
    SUCCEEDED,
    /** The last attempt failed; the job may be retried. */
    FAILED;

    /** The lower-case name used on the wire and in storage. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
