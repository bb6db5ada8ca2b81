package com.coachintel.leads.domain;

/** The caller changed a lead based on a version that is no longer the current one. */
public final class VersionMismatchException extends DomainException {

    private final long currentVersion;

    public VersionMismatchException(LeadId id, long currentVersion) {
        super("version-mismatch", "Lead " + id + " has changed since you read it (it is at version " + currentVersion
                + "); fetch it again and reapply your change");
        this.currentVersion = currentVersion;
    }

    /** The version the lead has now. */
    public long currentVersion() {
        return currentVersion;
    }
}
