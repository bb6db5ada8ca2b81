package com.coachintel.leads.domain.port;

import com.coachintel.leads.domain.HistoryEntry;
import com.coachintel.leads.domain.LeadDetails;
import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.LeadListItem;
import com.coachintel.leads.domain.MessageEvent;
import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.query.EventQuery;
import com.coachintel.leads.domain.query.LeadQuery;
import com.coachintel.leads.domain.query.Page;
import com.coachintel.leads.domain.query.PageRequest;
import java.util.Optional;

/** The read side of the lead store. Every method is scoped to one org: other orgs' leads do not exist for it. */
public interface LeadQueries {

    /** The org's leads matching the query, newest first, with the exact total. */
    Page<LeadListItem> list(OrgId org, LeadQuery query);

    /** One lead with notes, latest consents and its {@code statusChanges} most recent status changes. */
    Optional<LeadDetails> details(OrgId org, LeadId lead, int statusChanges);

    /** The lead's message events matching the query; empty when the org has no such lead. */
    Optional<Page<MessageEvent>> events(OrgId org, LeadId lead, EventQuery query);

    /** The lead's status and field changes, newest first; empty when the org has no such lead. */
    Optional<Page<HistoryEntry>> history(OrgId org, LeadId lead, PageRequest page);
}
