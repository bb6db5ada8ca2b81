package com.coachintel.leads.inmemory;

import com.coachintel.leads.domain.ConsentChannel;
import com.coachintel.leads.domain.ConsentEntry;
import com.coachintel.leads.domain.ConsentStatus;
import com.coachintel.leads.domain.DuplicateLeadException;
import com.coachintel.leads.domain.FieldChange;
import com.coachintel.leads.domain.HistoryEntry;
import com.coachintel.leads.domain.Lead;
import com.coachintel.leads.domain.LeadDetails;
import com.coachintel.leads.domain.LeadField;
import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.LeadNotFoundException;
import com.coachintel.leads.domain.LeadProfile;
import com.coachintel.leads.domain.LeadUpdate;
import com.coachintel.leads.domain.MessageChannel;
import com.coachintel.leads.domain.MessageEvent;
import com.coachintel.leads.domain.NewLead;
import com.coachintel.leads.domain.Notes;
import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.RecordedConsent;
import com.coachintel.leads.domain.message.Addressee;
import com.coachintel.leads.domain.message.ProviderReport;
import com.coachintel.leads.domain.port.ConsentLedger;
import com.coachintel.leads.domain.port.LeadIntake;
import com.coachintel.leads.domain.port.LeadStore;
import com.coachintel.leads.domain.port.MessageEventLog;
import com.coachintel.leads.domain.query.ListPosition;
import com.coachintel.leads.domain.query.Page;
import com.coachintel.leads.domain.query.PageRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The write ports over {@link InMemoryPersistence}'s rows. Each call holds the store's lock from its read to its last
 * write, as the PostgreSQL adapter holds the lead's row lock for its transaction.
 */
final class InMemoryLeadWrites implements LeadStore, LeadIntake, ConsentLedger, MessageEventLog {

    private final InMemoryPersistence store;
    private final InMemoryLeadQueries queries;

    InMemoryLeadWrites(InMemoryPersistence store, InMemoryLeadQueries queries) {
        this.store = store;
        this.queries = queries;
    }

    @Override
    public Written update(OrgId org, LeadId id, Optional<Long> expectedVersion, Function<Lead, LeadUpdate> change) {
        synchronized (store.lock) {
            StoredLead lead = store.lead(org, id).orElseThrow(() -> new LeadNotFoundException(id));
            Lead current = lead.asLead();
            current.requireVersion(expectedVersion);
            LeadUpdate update = change.apply(current);
            if (update.changed()) {
                lead.apply(update.after());
                update.statusChange().ifPresent(status -> store.addStatusChange(id, status));
                for (FieldChange field : update.fieldChanges()) {
                    store.addFieldChange(id, new HistoryEntry(field.field().wireName(), field.before(), field.after(),
                            update.changedBy(), update.changedAt(), null, false));
                }
            }
            return new Written(update, queries.details(org, id, LeadDetails.RECENT_STATUS_CHANGES).orElseThrow());
        }
    }

    @Override
    public LeadId create(NewLead lead) {
        synchronized (store.lock) {
            Optional<StoredLead> existing = byEmail(lead);
            if (existing.isPresent()) {
                throw new DuplicateLeadException(existing.get().id);
            }
            return insert(lead);
        }
    }

    @Override
    public CaptureOutcome capture(NewLead lead) {
        synchronized (store.lock) {
            Optional<StoredLead> found = byEmail(lead);
            if (found.isEmpty()) {
                return new CaptureOutcome(insert(lead), true, List.of());
            }
            StoredLead existing = found.get();
            LeadProfile.Fill fill = profile(existing).fillBlanksFrom(lead.profile());
            LeadProfile after = fill.after();
            existing.firstName = after.firstName();
            existing.lastName = after.lastName();
            existing.phone = after.phone();
            existing.source = after.source();
            existing.utmSource = after.utmSource();
            existing.utmMedium = after.utmMedium();
            existing.utmCampaign = after.utmCampaign();
            existing.updatedAt = lead.createdAt();
            existing.version++;
            store.addFieldChange(existing.id, new HistoryEntry("captured", null,
                    fill.filled().stream().map(LeadField::wireName).toList(), lead.createdBy(), lead.createdAt(), null, false));
            lead.consents().forEach(entry -> store.appendConsent(existing.id, entry));
            return new CaptureOutcome(existing.id, false, fill.filled());
        }
    }

    private Optional<StoredLead> byEmail(NewLead lead) {
        String email = lead.email().value().toLowerCase(Locale.ROOT);
        return store.leads.values().stream()
                .filter(row -> row.org.equals(lead.org()) && row.email.toLowerCase(Locale.ROOT).equals(email)).findFirst();
    }

    private LeadId insert(NewLead lead) {
        LeadId id = new LeadId(UUID.randomUUID());
        StoredLead row = new StoredLead(id, lead.org(), lead.email().value(), lead.createdAt());
        LeadProfile profile = lead.profile();
        row.status = NewLead.INITIAL_STATUS;
        row.firstName = profile.firstName();
        row.lastName = profile.lastName();
        row.phone = profile.phone();
        row.tags = List.copyOf(lead.tags());
        row.source = profile.source();
        row.utmSource = profile.utmSource();
        row.utmMedium = profile.utmMedium();
        row.utmCampaign = profile.utmCampaign();
        row.notes = lead.notes().map(Notes::text).orElse(null);
        row.notesUpdatedAt = lead.notes().isPresent() ? lead.createdAt() : null;
        row.notesUpdatedBy = lead.notes().isPresent() ? lead.createdBy() : null;
        store.leads.put(id, row);
        store.addFieldChange(id, new HistoryEntry("created", null, profile.source(), lead.createdBy(), lead.createdAt(),
                null, false));
        lead.consents().forEach(entry -> store.appendConsent(id, entry));
        return id;
    }

    private static LeadProfile profile(StoredLead lead) {
        return new LeadProfile(lead.firstName, lead.lastName, lead.phone, lead.source, lead.utmSource, lead.utmMedium,
                lead.utmCampaign);
    }

    @Override
    public Appended append(OrgId org, LeadId id, ConsentEntry entry) {
        synchronized (store.lock) {
            StoredLead lead = store.lead(org, id).orElseThrow(() -> new LeadNotFoundException(id));
            lead.version++;
            lead.updatedAt = store.now();
            return new Appended(store.appendConsent(id, entry), lead.version);
        }
    }

    @Override
    public Optional<Page<RecordedConsent>> list(OrgId org, LeadId id, PageRequest page) {
        synchronized (store.lock) {
            if (store.lead(org, id).isEmpty()) {
                return Optional.empty();
            }
            List<RecordedConsent> all = store.consents.stream().filter(c -> c.row().lead().equals(id))
                    .sorted(Comparator.comparing((InMemoryPersistence.Numbered<InMemoryPersistence.RecordedConsentRow> c) ->
                            c.row().consent().entry().capturedAt()).thenComparingLong(InMemoryPersistence.Numbered::id)
                            .reversed())
                    .map(c -> c.row().consent()).toList();
            return Optional.of(new Page<>(all.stream().skip(page.offset()).limit(page.limit()).toList(), all.size(),
                    page.limit(), page.offset()));
        }
    }

    @Override
    public List<Addressee> byEmail(String email) {
        String lower = email.toLowerCase(Locale.ROOT);
        return addressees(lead -> lead.email.toLowerCase(Locale.ROOT).equals(lower));
    }

    @Override
    public List<Addressee> byPhone(String e164) {
        return addressees(lead -> lead.phone != null && lead.phone.e164().equals(e164));
    }

    private List<Addressee> addressees(Predicate<StoredLead> which) {
        synchronized (store.lock) {
            return store.leads.values().stream().filter(which)
                    .sorted(Comparator.comparing((StoredLead lead) -> lead.createdAt)
                            .thenComparing(lead -> lead.id.value(), ListPosition.ID_ORDER))
                    .limit(100).map(InMemoryLeadWrites::addressee).toList();
        }
    }

    @Override
    public Optional<Addressee> byId(LeadId id) {
        synchronized (store.lock) {
            return Optional.ofNullable(store.leads.get(id)).map(InMemoryLeadWrites::addressee);
        }
    }

    private static Addressee addressee(StoredLead lead) {
        return new Addressee(lead.org, lead.id, lead.email, lead.phone == null ? null : lead.phone.e164());
    }

    @Override
    public boolean record(Addressee addressee, ProviderReport report) {
        synchronized (store.lock) {
            Optional<StoredLead> found = store.lead(addressee.org(), addressee.lead());
            if (found.isEmpty() || store.events.stream().anyMatch(e -> e.lead().equals(addressee.lead())
                    && e.eventKey().equals(report.eventKey()))) {
                return false;
            }
            StoredLead lead = found.get();
            store.events.add(new InMemoryPersistence.EventRow(lead.id, report.eventKey(), new MessageEvent(store.nextId(),
                    report.channel(), report.type(), report.occurredAt(), report.providerMessageId(), report.metaJson())));
            boolean bumped = false;
            if (report.contacted() && (lead.lastContactedAt == null || lead.lastContactedAt.isBefore(report.occurredAt()))) {
                lead.lastContactedAt = report.occurredAt();
                bumped = true;
            }
            boolean consented = report.consent().isPresent() && appendConsent(lead, report, report.consent().get());
            if (bumped || consented) {
                lead.version++;
                lead.updatedAt = store.now();
            }
            return true;
        }
    }

    /** Appends the consent unless the one in force already says the same: a second hard bounce is no news. */
    private boolean appendConsent(StoredLead lead, ProviderReport report, ProviderReport.ConsentChange change) {
        ConsentChannel channel = report.channel() == MessageChannel.EMAIL ? ConsentChannel.EMAIL : ConsentChannel.SMS;
        Optional<ConsentStatus> inForce = store.inForce(lead.id, channel).map(c -> c.entry().status());
        if (inForce.isPresent() && inForce.get() == change.status()) {
            return false;
        }
        store.appendConsent(lead.id, new ConsentEntry(channel, change.status(), report.occurredAt(), report.provider(),
                change.reason(), null, null, report.provider()));
        return true;
    }
}
