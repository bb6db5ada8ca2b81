package com.coachintel.leads.domain;

/** No lead with this id in the caller's org: whether it exists elsewhere is deliberately not said. */
public final class LeadNotFoundException extends DomainException {

    public LeadNotFoundException(LeadId id) {
        super("lead-not-found", "No lead " + id + " in your organisation");
    }
}
