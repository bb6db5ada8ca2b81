package com.coachintel.leads.application.leads;

import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.MessageEvent;
import com.coachintel.leads.domain.query.EventQuery;
import com.coachintel.leads.domain.query.Page;
import com.coachintel.leads.domain.user.Caller;

/** Lists the message events of one lead of the caller's org. */
public interface ListLeadEventsUseCase {

    /**
     * The events matching the query, newest first, with the exact total.
     *
     * @throws com.coachintel.leads.domain.LeadNotFoundException when the caller's org has no such lead
     */
    Page<MessageEvent> listEvents(Caller caller, LeadId id, EventQuery query);
}
