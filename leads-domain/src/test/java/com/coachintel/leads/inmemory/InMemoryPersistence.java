package com.coachintel.leads.inmemory;

import com.coachintel.leads.domain.ConsentChannel;
import com.coachintel.leads.domain.ConsentEntry;
import com.coachintel.leads.domain.ConsentStatus;
import com.coachintel.leads.domain.HistoryEntry;
import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.MessageEvent;
import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.RecordedConsent;
import com.coachintel.leads.domain.StatusChange;
import com.coachintel.leads.domain.port.ConsentLedger;
import com.coachintel.leads.domain.port.LeadExports;
import com.coachintel.leads.domain.port.LeadIntake;
import com.coachintel.leads.domain.port.LeadQueries;
import com.coachintel.leads.domain.port.LeadStore;
import com.coachintel.leads.domain.port.MatchingLeads;
import com.coachintel.leads.domain.port.MessageEventLog;
import com.coachintel.leads.domain.port.OrgDirectory;
import com.coachintel.leads.domain.port.RateLimiter;
import com.coachintel.leads.domain.port.StorageHealth;
import com.coachintel.leads.domain.port.UserAccounts;
import com.coachintel.leads.domain.idempotency.IdempotencyRecords;
import com.coachintel.leads.domain.user.UserAccount;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Every storage port of the core in memory, for tests and for embedding without a database: the counterpart of
 * {@code PostgresPersistence}, held to the same behaviour by the shared contract tests ({@code
 * com.coachintel.leads.contract}). Filters, paging, exact totals, versions and the email rule are honoured as the
 * PostgreSQL adapter honours them; one lock stands in for row locks, so concurrent writers of a lead queue up and
 * nothing is lost. Orgs and users are added directly ({@link #addOrg}, {@link #addUser}): no port creates them.
 */
public final class InMemoryPersistence {

    final Object lock = new Object();
    final Clock clock;
    final Map<OrgId, OrgDirectory.Org> orgs = new LinkedHashMap<>();
    final Map<String, UserAccount> users = new LinkedHashMap<>();
    final Map<LeadId, StoredLead> leads = new LinkedHashMap<>();
    final List<Numbered<RecordedConsentRow>> consents = new ArrayList<>();
    final List<Numbered<StatusChangeRow>> statusChanges = new ArrayList<>();
    final List<Numbered<FieldChangeRow>> fieldChanges = new ArrayList<>();
    final List<EventRow> events = new ArrayList<>();
    private long nextId = 1;

    private final InMemoryLeadQueries queries = new InMemoryLeadQueries(this);
    private final InMemoryLeadWrites writes = new InMemoryLeadWrites(this, queries);
    private final InMemoryExports exports = new InMemoryExports();
    private final InMemoryIdempotencyRecords idempotency;
    private final InMemoryRateLimiter rateLimiter;

    /** A store whose own timestamps (a consent's recorded time, idempotency and rate windows) come from {@code clock}. */
    public InMemoryPersistence(Clock clock) {
        this.clock = clock;
        this.idempotency = new InMemoryIdempotencyRecords(clock);
        this.rateLimiter = new InMemoryRateLimiter(clock);
    }

    /** A store on the system clock. */
    public InMemoryPersistence() {
        this(Clock.systemUTC());
    }

    /** Adds an org; returns its id. */
    public OrgId addOrg(String name) {
        OrgId id = new OrgId(UUID.randomUUID());
        synchronized (lock) {
            orgs.put(id, new OrgDirectory.Org(id, name));
        }
        return id;
    }

    /** Adds a user of an org. */
    public UserAccount addUser(OrgId org, String email, boolean active) {
        UserAccount user = new UserAccount(UUID.randomUUID(), org, email, active);
        synchronized (lock) {
            users.put(email.toLowerCase(Locale.ROOT), user);
        }
        return user;
    }

    public LeadQueries leadQueries() {
        return queries;
    }

    public MatchingLeads matchingLeads() {
        return queries;
    }

    public LeadStore leadStore() {
        return writes;
    }

    public LeadIntake leadIntake() {
        return writes;
    }

    public ConsentLedger consentLedger() {
        return writes;
    }

    public MessageEventLog messageEventLog() {
        return writes;
    }

    public LeadExports leadExports() {
        return exports;
    }

    public IdempotencyRecords idempotencyRecords() {
        return idempotency;
    }

    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    public OrgDirectory orgDirectory() {
        return idOrName -> {
            synchronized (lock) {
                return orgs.values().stream()
                        .filter(org -> org.id().value().toString().equalsIgnoreCase(idOrName) || org.name().equals(idOrName))
                        .findFirst();
            }
        };
    }

    public UserAccounts userAccounts() {
        return email -> {
            synchronized (lock) {
                return Optional.ofNullable(users.get(email.toLowerCase(Locale.ROOT)));
            }
        };
    }

    public StorageHealth storageHealth() {
        return StorageHealth.Status::up;
    }

    // --- rows; the methods below are called with the lock held

    /** A row with the id its table's sequence gave it. */
    record Numbered<T>(long id, T row) {
    }

    record RecordedConsentRow(LeadId lead, RecordedConsent consent) {
    }

    record StatusChangeRow(LeadId lead, StatusChange change) {
    }

    record FieldChangeRow(LeadId lead, HistoryEntry entry) {
    }

    record EventRow(LeadId lead, String eventKey, MessageEvent event) {
    }

    long nextId() {
        return nextId++;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS); // PostgreSQL's precision
    }

    Optional<StoredLead> lead(OrgId org, LeadId id) {
        StoredLead lead = leads.get(id);
        return lead != null && lead.org.equals(org) ? Optional.of(lead) : Optional.empty();
    }

    /** The consent in force on a channel: latest captured, then latest recorded. */
    Optional<RecordedConsent> inForce(LeadId lead, ConsentChannel channel) {
        return consents.stream().filter(c -> c.row().lead().equals(lead) && c.row().consent().entry().channel() == channel)
                .max(Comparator.comparing((Numbered<RecordedConsentRow> c) -> c.row().consent().entry().capturedAt())
                        .thenComparingLong(Numbered::id))
                .map(c -> c.row().consent());
    }

    /** Appends to the ledger and records how the consent in force changed, as {@code ConsentRows.append} does. */
    RecordedConsent appendConsent(LeadId lead, ConsentEntry entry) {
        Optional<ConsentStatus> before = inForce(lead, entry.channel()).map(c -> c.entry().status());
        long id = nextId();
        RecordedConsent recorded = new RecordedConsent(id, entry, now());
        consents.add(new Numbered<>(id, new RecordedConsentRow(lead, recorded)));
        Optional<ConsentStatus> after = inForce(lead, entry.channel()).map(c -> c.entry().status());
        addFieldChange(lead, new HistoryEntry("consent_" + entry.channel().wireName(),
                before.map(ConsentStatus::wireName).orElse(null), after.map(ConsentStatus::wireName).orElse(null),
                entry.recordedBy(), recorded.recordedAt(), null, false));
        return recorded;
    }

    void addFieldChange(LeadId lead, HistoryEntry entry) {
        fieldChanges.add(new Numbered<>(nextId(), new FieldChangeRow(lead, entry)));
    }

    void addStatusChange(LeadId lead, StatusChange change) {
        statusChanges.add(new Numbered<>(nextId(), new StatusChangeRow(lead, change)));
    }
}
