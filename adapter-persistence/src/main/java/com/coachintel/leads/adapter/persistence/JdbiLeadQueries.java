package com.coachintel.leads.adapter.persistence;

import com.coachintel.leads.domain.HistoryEntry;
import com.coachintel.leads.domain.LeadDetails;
import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.LeadListItem;
import com.coachintel.leads.domain.MessageEvent;
import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.port.LeadQueries;
import com.coachintel.leads.domain.query.EventQuery;
import com.coachintel.leads.domain.query.LeadQuery;
import com.coachintel.leads.domain.query.Page;
import com.coachintel.leads.domain.query.PageRequest;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link LeadQueries} in SQL, one class per job: {@link JdbiLeadList} (filters through {@link LeadFilterSql}),
 * {@link JdbiLeadDetail}, {@link JdbiLeadEvents} and {@link JdbiLeadHistory}. A page and its exact total always
 * come from one snapshot.
 */
final class JdbiLeadQueries implements LeadQueries {

    private final JdbiLeadList list;
    private final JdbiLeadDetail detail;
    private final JdbiLeadEvents events;
    private final JdbiLeadHistory history;

    JdbiLeadQueries(Jdbi jdbi, DataSource dataSource, ReadRouting reads) {
        PlainJdbc jdbc = new PlainJdbc(dataSource);
        this.list = new JdbiLeadList(reads);
        this.detail = new JdbiLeadDetail(jdbc);
        this.events = new JdbiLeadEvents(jdbc);
        this.history = new JdbiLeadHistory(jdbi);
    }

    @Override
    public Page<LeadListItem> list(OrgId org, LeadQuery query) {
        return list.list(org, query);
    }

    @Override
    public Optional<LeadDetails> details(OrgId org, LeadId lead, int statusChanges) {
        return detail.details(org, lead, statusChanges);
    }

    @Override
    public Optional<Page<MessageEvent>> events(OrgId org, LeadId lead, EventQuery query) {
        return events.events(org, lead, query);
    }

    @Override
    public Optional<Page<HistoryEntry>> history(OrgId org, LeadId lead, PageRequest page) {
        return history.history(org, lead, page);
    }
}
