package com.coachintel.leads.inmemory;

import com.coachintel.leads.domain.ConsentChannel;
import com.coachintel.leads.domain.HistoryEntry;
import com.coachintel.leads.domain.LeadDetails;
import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.LeadListItem;
import com.coachintel.leads.domain.LeadStatus;
import com.coachintel.leads.domain.MessageEvent;
import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.RecordedConsent;
import com.coachintel.leads.domain.StatusChange;
import com.coachintel.leads.domain.Tag;
import com.coachintel.leads.domain.port.LeadQueries;
import com.coachintel.leads.domain.port.MatchingLeads;
import com.coachintel.leads.domain.query.CreatedRange;
import com.coachintel.leads.domain.query.EventQuery;
import com.coachintel.leads.domain.query.LeadFilters;
import com.coachintel.leads.domain.query.LeadQuery;
import com.coachintel.leads.domain.query.ListPosition;
import com.coachintel.leads.domain.query.Page;
import com.coachintel.leads.domain.query.PageRequest;
import com.coachintel.leads.domain.query.SearchTerm;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** {@link LeadQueries} and {@link MatchingLeads} over {@link InMemoryPersistence}'s rows. */
final class InMemoryLeadQueries implements LeadQueries, MatchingLeads {

    /** The list order: newest first, then id descending. */
    static final Comparator<StoredLead> LIST_ORDER = Comparator.comparing(StoredLead::position, ListPosition.LIST_ORDER);

    /** Each criterion as a test of a row: the in-memory WHERE clause. */
    private static final LeadFilters.Visitor<Predicate<StoredLead>> MATCHES = new LeadFilters.Visitor<>() {
        @Override
        public Predicate<StoredLead> search(SearchTerm term) {
            String needle = term.text().toLowerCase(Locale.ROOT);
            return lead -> lead.searchText().contains(needle);
        }

        @Override
        public Predicate<StoredLead> statuses(Set<LeadStatus> any) {
            return lead -> any.contains(lead.status);
        }

        @Override
        public Predicate<StoredLead> tags(Set<Tag> all) {
            return lead -> lead.tags.containsAll(all);
        }

        @Override
        public Predicate<StoredLead> created(CreatedRange window) {
            return lead -> (window.from() == null || !lead.createdAt.isBefore(window.from()))
                    && (window.toExclusive() == null || lead.createdAt.isBefore(window.toExclusive()));
        }
    };

    private final InMemoryPersistence store;

    InMemoryLeadQueries(InMemoryPersistence store) {
        this.store = store;
    }

    private List<LeadListItem> matching(OrgId org, LeadFilters filters) {
        Predicate<StoredLead> all = filters.visit(MATCHES).stream().reduce(lead -> lead.org.equals(org), Predicate::and);
        synchronized (store.lock) {
            return store.leads.values().stream().filter(all).sorted(LIST_ORDER).map(StoredLead::listItem).toList();
        }
    }

    @Override
    public Page<LeadListItem> list(OrgId org, LeadQuery query) {
        List<LeadListItem> all = matching(org, query.filters());
        if (query.after().isEmpty()) {
            return page(all.stream(), query.page());
        }
        ListPosition after = query.after().get();
        int limit = query.page().limit();
        List<LeadListItem> following = all.stream()
                .filter(lead -> after.isBefore(new ListPosition(lead.createdAt(), lead.id()))).limit(limit + 1L).toList();
        return Page.fromOneMoreThan(following, all.size(), limit);
    }

    @Override
    public long forEach(OrgId org, LeadFilters filters, Consumer each) throws IOException {
        List<LeadListItem> snapshot = matching(org, filters); // one snapshot, handed over outside the lock
        for (LeadListItem lead : snapshot) {
            each.accept(lead);
        }
        return snapshot.size();
    }

    @Override
    public Optional<LeadDetails> details(OrgId org, LeadId id, int statusChanges) {
        synchronized (store.lock) {
            return store.lead(org, id).map(lead -> new LeadDetails(lead.listItem(), lead.notes, lead.notesUpdatedAt,
                    lead.notesUpdatedBy, store.inForce(id, ConsentChannel.EMAIL).map(RecordedConsent::asConsent),
                    store.inForce(id, ConsentChannel.SMS).map(RecordedConsent::asConsent),
                    statusChangesNewestFirst(id).limit(statusChanges).toList()));
        }
    }

    private Stream<StatusChange> statusChangesNewestFirst(LeadId id) {
        return store.statusChanges.stream().filter(c -> c.row().lead().equals(id))
                .sorted(Comparator.comparing((InMemoryPersistence.Numbered<InMemoryPersistence.StatusChangeRow> c) ->
                        c.row().change().changedAt()).thenComparingLong(InMemoryPersistence.Numbered::id).reversed())
                .map(c -> c.row().change());
    }

    @Override
    public Optional<Page<MessageEvent>> events(OrgId org, LeadId id, EventQuery query) {
        synchronized (store.lock) {
            if (store.lead(org, id).isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(page(store.events.stream().filter(e -> e.lead().equals(id)).map(InMemoryPersistence.EventRow::event)
                    .filter(e -> query.types().isEmpty() || query.types().contains(e.type()))
                    .filter(e -> query.channels().isEmpty() || query.channels().contains(e.channel()))
                    .sorted(Comparator.comparing(MessageEvent::occurredAt).thenComparingLong(MessageEvent::id).reversed()),
                    query.page()));
        }
    }

    /** A history row with what orders it: time, then field changes before status changes, then id. */
    private record Ordered(HistoryEntry entry, int kind, long id) {
    }

    @Override
    public Optional<Page<HistoryEntry>> history(OrgId org, LeadId id, PageRequest page) {
        synchronized (store.lock) {
            if (store.lead(org, id).isEmpty()) {
                return Optional.empty();
            }
            Stream<Ordered> status = store.statusChanges.stream().filter(c -> c.row().lead().equals(id))
                    .map(c -> new Ordered(asHistory(c.row().change()), 0, c.id()));
            Stream<Ordered> fields = store.fieldChanges.stream().filter(c -> c.row().lead().equals(id))
                    .map(c -> new Ordered(c.row().entry(), 1, c.id()));
            return Optional.of(page(Stream.concat(status, fields)
                    .sorted(Comparator.comparing((Ordered o) -> o.entry().changedAt()).thenComparingInt(Ordered::kind)
                            .thenComparingLong(Ordered::id).reversed())
                    .map(Ordered::entry), page));
        }
    }

    private static HistoryEntry asHistory(StatusChange change) {
        return new HistoryEntry("status", change.from() == null ? null : change.from().wireName(), change.to().wireName(),
                change.changedBy(), change.changedAt(), change.reason(), change.correction());
    }

    private static <T> Page<T> page(Stream<T> ordered, PageRequest page) {
        List<T> all = ordered.toList();
        List<T> slice = all.stream().skip(page.offset()).limit(page.limit()).toList();
        return new Page<>(slice, all.size(), page.limit(), page.offset());
    }
}
