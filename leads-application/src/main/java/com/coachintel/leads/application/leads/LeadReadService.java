package com.coachintel.leads.application.leads;

import com.coachintel.leads.domain.HistoryEntry;
import com.coachintel.leads.domain.LeadDetails;
import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.LeadListItem;
import com.coachintel.leads.domain.LeadNotFoundException;
import com.coachintel.leads.domain.MessageEvent;
import com.coachintel.leads.domain.port.LeadQueries;
import com.coachintel.leads.domain.query.EventQuery;
import com.coachintel.leads.domain.query.LeadQuery;
import com.coachintel.leads.domain.query.Page;
import com.coachintel.leads.domain.query.PageRequest;
import com.coachintel.leads.domain.user.Caller;
import java.util.Objects;

/** The read use cases over the {@link LeadQueries} port, each scoped to the caller's org. */
public final class LeadReadService implements ListLeadsUseCase, GetLeadUseCase, ListLeadEventsUseCase,
        ListLeadHistoryUseCase {

    private final LeadQueries leads;

    public LeadReadService(LeadQueries leads) {
        this.leads = Objects.requireNonNull(leads, "leads");
    }

    @Override
    public Page<LeadListItem> listLeads(Caller caller, LeadQuery query) {
        return leads.list(caller.orgId(), query);
    }

    @Override
    public LeadDetails getLead(Caller caller, LeadId id) {
        return leads.details(caller.orgId(), id, RECENT_STATUS_CHANGES).orElseThrow(() -> new LeadNotFoundException(id));
    }

    @Override
    public Page<HistoryEntry> listHistory(Caller caller, LeadId id, PageRequest page) {
        return leads.history(caller.orgId(), id, page).orElseThrow(() -> new LeadNotFoundException(id));
    }

    @Override
    public Page<MessageEvent> listEvents(Caller caller, LeadId id, EventQuery query) {
        return leads.events(caller.orgId(), id, query).orElseThrow(() -> new LeadNotFoundException(id));
    }
}
