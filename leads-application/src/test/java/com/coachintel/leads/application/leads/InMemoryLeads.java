package com.coachintel.leads.application.leads;

import com.coachintel.leads.domain.FieldChange;
import com.coachintel.leads.domain.HistoryEntry;
import com.coachintel.leads.domain.Lead;
import com.coachintel.leads.domain.LeadDetails;
import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.LeadListItem;
import com.coachintel.leads.domain.LeadNotFoundException;
import com.coachintel.leads.domain.LeadStatus;
import com.coachintel.leads.domain.LeadUpdate;
import com.coachintel.leads.domain.MessageEvent;
import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.PhoneNumber;
import com.coachintel.leads.domain.StatusChange;
import com.coachintel.leads.domain.Tag;
import com.coachintel.leads.domain.VersionMismatchException;
import com.coachintel.leads.domain.port.LeadQueries;
import com.coachintel.leads.domain.port.LeadStore;
import com.coachintel.leads.domain.query.EventQuery;
import com.coachintel.leads.domain.query.LeadQuery;
import com.coachintel.leads.domain.query.Page;
import com.coachintel.leads.domain.query.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** An in-memory lead store for use-case tests: both ports, org-scoped, one lock for atomic updates. */
final class InMemoryLeads implements LeadStore, LeadQueries {

    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

    private final Map<LeadId, Lead> leads = new LinkedHashMap<>();
    private final Map<LeadId, List<HistoryEntry>> history = new LinkedHashMap<>();

    /** Adds a waitlisted lead to the org and returns its id. */
    synchronized LeadId add(OrgId org, LeadStatus status, String... tags) {
        LeadId id = new LeadId(UUID.randomUUID());
        leads.put(id, Lead.restore(id, org, status, java.util.Arrays.stream(tags).map(Tag::new).toList(), null, null, null,
                null, CREATED, 1));
        history.put(id, new ArrayList<>());
        return id;
    }

    synchronized Lead get(LeadId id) {
        return leads.get(id);
    }

    synchronized List<HistoryEntry> historyOf(LeadId id) {
        return List.copyOf(history.get(id));
    }

    @Override
    public synchronized LeadUpdate update(OrgId org, LeadId id, Optional<Long> expectedVersion, Function<Lead, LeadUpdate> change) {
        Lead lead = find(org, id).orElseThrow(() -> new LeadNotFoundException(id));
        if (expectedVersion.isPresent() && expectedVersion.get() != lead.version()) {
            throw new VersionMismatchException(id, lead.version());
        }
        LeadUpdate update = change.apply(lead);
        if (update.changed()) {
            leads.put(id, update.after());
            List<HistoryEntry> entries = history.get(id);
            update.statusChange().ifPresent(s -> entries.add(0, new HistoryEntry("status", s.from().wireName(),
                    s.to().wireName(), s.changedBy(), s.changedAt(), s.reason())));
            for (FieldChange c : update.fieldChanges()) {
                entries.add(0, new HistoryEntry(c.field().wireName(), c.before(), c.after(), update.changedBy(),
                        update.changedAt(), null));
            }
        }
        return update;
    }

    @Override
    public synchronized Page<LeadListItem> list(OrgId org, LeadQuery query) {
        List<LeadListItem> items = leads.values().stream().filter(l -> l.orgId().equals(org)).map(InMemoryLeads::item).toList();
        return new Page<>(items, items.size(), query.page().limit(), query.page().offset());
    }

    @Override
    public synchronized Optional<LeadDetails> details(OrgId org, LeadId id, int statusChanges) {
        return find(org, id).map(lead -> new LeadDetails(item(lead), lead.notes(), lead.notesUpdatedAt(), lead.notesUpdatedBy(),
                Optional.empty(), Optional.empty(), history.get(id).stream().filter(h -> h.field().equals("status"))
                        .limit(statusChanges)
                        .map(h -> new StatusChange(LeadStatus.fromWireName((String) h.before()).orElseThrow(),
                                LeadStatus.fromWireName((String) h.after()).orElseThrow(), h.changedBy(), h.changedAt(), h.reason()))
                        .toList()));
    }

    @Override
    public synchronized Optional<Page<MessageEvent>> events(OrgId org, LeadId id, EventQuery query) {
        return find(org, id).map(lead -> new Page<>(List.of(), 0, query.page().limit(), query.page().offset()));
    }

    @Override
    public synchronized Optional<Page<HistoryEntry>> history(OrgId org, LeadId id, PageRequest page) {
        return find(org, id).map(lead -> {
            List<HistoryEntry> all = history.get(id);
            List<HistoryEntry> slice = all.stream().skip(page.offset()).limit(page.limit()).toList();
            return new Page<>(slice, all.size(), page.limit(), page.offset());
        });
    }

    private Optional<Lead> find(OrgId org, LeadId id) {
        return Optional.ofNullable(leads.get(id)).filter(lead -> lead.orgId().equals(org));
    }

    private static LeadListItem item(Lead lead) {
        PhoneNumber phone = lead.phone();
        return new LeadListItem(lead.id(), CREATED, lead.updatedAt(), lead.status(), "Ada", "Lovelace",
                "ada-" + lead.id() + "@example.com", phone == null ? null : phone.e164(), lead.tags(), null, null, null, null,
                null, lead.version());
    }
}
