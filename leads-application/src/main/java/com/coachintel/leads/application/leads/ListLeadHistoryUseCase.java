package com.coachintel.leads.application.leads;

import com.coachintel.leads.domain.HistoryEntry;
import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.query.Page;
import com.coachintel.leads.domain.query.PageRequest;
import com.coachintel.leads.domain.user.Caller;

/** Lists a lead's status and field changes. */
public interface ListLeadHistoryUseCase {

    /**
     * Newest first, with the exact total.
     *
     * @throws com.coachintel.leads.domain.LeadNotFoundException when the caller's org has no such lead
     */
    Page<HistoryEntry> listHistory(Caller caller, LeadId id, PageRequest page);
}
