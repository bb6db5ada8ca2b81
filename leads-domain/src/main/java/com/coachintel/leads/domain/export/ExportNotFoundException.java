package com.coachintel.leads.domain.export;

import com.coachintel.leads.domain.DomainException;

/** No export with this id in the caller's org (or it has expired). */
public final class ExportNotFoundException extends DomainException {

    public ExportNotFoundException(ExportId id) {
        super("export-not-found", "No export " + id + " in your organisation (exports are deleted when they expire)");
    }
}
