package com.coachintel.leads.domain;

import java.util.Objects;

/** The org already has a lead with this email (ignoring case); {@link #existing()} names it. */
public final class DuplicateLeadException extends DomainException {

    private final LeadId existing;

    public DuplicateLeadException(LeadId existing) {
        super("duplicate-lead", "A lead with this email already exists in your organisation: " + existing);
        this.existing = Objects.requireNonNull(existing, "existing");
    }

    /** The lead that has the email. */
    public LeadId existing() {
        return existing;
    }
}
