package com.coachintel.leads.domain.export;

import com.coachintel.leads.domain.DomainException;

/** The export's file was asked for before the export succeeded. */
public final class ExportNotReadyException extends DomainException {

    private final ExportStatus status;

    public ExportNotReadyException(ExportId id, ExportStatus status) {
        super("export-not-ready", "Export " + id + " is " + status.wireName() + "; its file can be downloaded once it has"
                + " succeeded");
        this.status = status;
    }

    /** Where the export stands. */
    public ExportStatus status() {
        return status;
    }
}
