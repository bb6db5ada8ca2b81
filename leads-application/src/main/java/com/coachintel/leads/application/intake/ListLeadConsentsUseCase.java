package com.coachintel.leads.application.intake;

import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.RecordedConsent;
import com.coachintel.leads.domain.query.Page;
import com.coachintel.leads.domain.query.PageRequest;
import com.coachintel.leads.domain.user.Caller;

/** A lead's consent ledger, newest first. */
public interface ListLeadConsentsUseCase {

    /** @throws com.coachintel.leads.domain.LeadNotFoundException when the caller's org has no such lead */
    Page<RecordedConsent> listConsents(Caller caller, LeadId lead, PageRequest page);
}
