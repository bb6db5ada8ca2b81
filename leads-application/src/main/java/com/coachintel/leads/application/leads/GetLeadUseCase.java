package com.coachintel.leads.application.leads;

import com.coachintel.leads.domain.LeadDetails;
import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.user.Caller;

/** Shows one lead of the caller's org. */
public interface GetLeadUseCase {

    /** How many status changes the detail view carries. */
    int RECENT_STATUS_CHANGES = com.coachintel.leads.domain.LeadDetails.RECENT_STATUS_CHANGES;

    /**
     * The lead with notes, its latest consent per channel and its recent status changes.
     *
     * @throws com.coachintel.leads.domain.LeadNotFoundException when the caller's org has no such lead
     */
    LeadDetails getLead(Caller caller, LeadId id);
}
