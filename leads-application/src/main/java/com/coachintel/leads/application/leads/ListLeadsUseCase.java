package com.coachintel.leads.application.leads;

import com.coachintel.leads.domain.LeadListItem;
import com.coachintel.leads.domain.query.LeadQuery;
import com.coachintel.leads.domain.query.Page;
import com.coachintel.leads.domain.user.Caller;

/** Lists the caller's org's leads. */
public interface ListLeadsUseCase {

    /** The leads matching the query, newest first, with the exact total. */
    Page<LeadListItem> listLeads(Caller caller, LeadQuery query);
}
