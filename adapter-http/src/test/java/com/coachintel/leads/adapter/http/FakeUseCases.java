package com.coachintel.leads.adapter.http;

import com.coachintel.leads.application.phone.LibphonenumberParser;
import com.coachintel.leads.application.auth.AccountInactiveException;
import com.coachintel.leads.application.auth.AuthenticationRequiredException;
import com.coachintel.leads.application.health.Health;
import com.coachintel.leads.application.message.RecordMessageEventUseCase;
import com.coachintel.leads.application.health.Readiness;
import com.coachintel.leads.domain.port.JobWorker;
import com.coachintel.leads.application.export.ExportJobsUseCase;
import com.coachintel.leads.application.export.ExportWritten;
import com.coachintel.leads.application.idempotency.IdempotentRequests;
import com.coachintel.leads.application.intake.CaptureLeadCommand;
import com.coachintel.leads.application.leads.ContactUpdate;
import com.coachintel.leads.domain.ConsentChannel;
import com.coachintel.leads.domain.ConsentEntry;
import com.coachintel.leads.domain.ConsentStatus;
import com.coachintel.leads.domain.DuplicateLeadException;
import com.coachintel.leads.domain.NewLead;
import com.coachintel.leads.domain.RecordedConsent;
import com.coachintel.leads.domain.port.ConsentLedger;
import com.coachintel.leads.domain.port.LeadIntake;
import com.coachintel.leads.domain.export.ExportId;
import com.coachintel.leads.domain.export.ExportNotFoundException;
import com.coachintel.leads.domain.export.ExportNotReadyException;
import com.coachintel.leads.domain.export.ExportStatus;
import com.coachintel.leads.domain.export.LeadExport;
import com.coachintel.leads.domain.query.LeadFilters;
import com.coachintel.leads.domain.query.PageRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import com.coachintel.leads.domain.HistoryEntry;
import com.coachintel.leads.domain.LeadDetails;
import com.coachintel.leads.domain.VersionMismatchException;
import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.LeadListItem;
import com.coachintel.leads.domain.LeadNotFoundException;
import com.coachintel.leads.domain.LeadStatus;
import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.Tag;
import com.coachintel.leads.domain.query.EventQuery;
import com.coachintel.leads.domain.query.LeadQuery;
import com.coachintel.leads.domain.query.Page;
import com.coachintel.leads.domain.user.Caller;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Use cases answering from memory, recording what the HTTP layer asked: the HTTP adapter's tests check
 * parsing, status codes and shapes without a database.
 */
final class FakeUseCases {

    static final OrgId ORG = new OrgId(UUID.fromString("00000000-0000-4000-8000-000000000001"));
    static final String ACTIVE = "coach@example.com";
    static final String INACTIVE = "gone@example.com";
    static final LeadListItem LEAD = new LeadListItem(new LeadId(UUID.fromString("3f2b8c1e-1111-4222-8333-444455556666")),
            Instant.parse("2026-01-01T09:00:00Z"), Instant.parse("2026-01-02T09:00:00Z"), LeadStatus.INVITED, "Ada",
            null, "ada@example.com", "+14155550100", List.of(new Tag("vip")), "website", null, null, null, null, 3);

    static final String CSV = "id,created_at,status,first_name,last_name,email,phone,tags,source,utm_source,utm_medium,"
            + "utm_campaign,last_contacted_at\r\n3f2b8c1e-1111-4222-8333-444455556666,2026-01-01T09:00:00Z,invited,Ada,,"
            + "ada@example.com,+14155550100,vip,website,,,,\r\n";

    /** When set, GET /leads and POST /leads/export throw it. */
    final AtomicReference<RuntimeException> listFailure = new AtomicReference<>();
    final AtomicReference<RuntimeException> exportFailure = new AtomicReference<>();
    /** How long GET /leads takes before it answers. */
    final java.util.concurrent.atomic.AtomicInteger listDelayMillis = new java.util.concurrent.atomic.AtomicInteger();
    /** How many copies of the lead GET /leads answers (a large response). */
    final java.util.concurrent.atomic.AtomicInteger listCopies = new java.util.concurrent.atomic.AtomicInteger(1);
    /** When set, the list answers one lead of 10, with more to follow. */
    final java.util.concurrent.atomic.AtomicBoolean listHasMore = new java.util.concurrent.atomic.AtomicBoolean();
    /** When set, POST /leads/export runs it. */
    final AtomicReference<com.coachintel.leads.application.export.ExportLeadsUseCase> exportOverride = new AtomicReference<>();
    final AtomicReference<JobWorker.State> jobs = new AtomicReference<>(JobWorker.State.RUNNING);
    final AtomicReference<Supplier<Readiness>> readiness = new AtomicReference<>(() -> new Readiness(true, "reachable"));
    final AtomicReference<LeadQuery> lastLeadQuery = new AtomicReference<>();
    final AtomicReference<EventQuery> lastEventQuery = new AtomicReference<>();
    final AtomicReference<Caller> lastCaller = new AtomicReference<>();
    final AtomicReference<ContactUpdate> lastContactUpdate = new AtomicReference<>();
    final AtomicReference<String> lastNotes = new AtomicReference<>();
    final AtomicReference<String> lastReason = new AtomicReference<>();
    final AtomicReference<Optional<Long>> lastExpectedVersion = new AtomicReference<>();
    final AtomicReference<LeadFilters> lastExportFilters = new AtomicReference<>();
    final Map<ExportId, LeadExport> exports = new ConcurrentHashMap<>();
    final AtomicReference<NewLead> lastNewLead = new AtomicReference<>();
    final AtomicReference<CaptureLeadCommand> lastCapture = new AtomicReference<>();
    final AtomicReference<ConsentEntry> lastConsent = new AtomicReference<>();
    /** The email a create answers 409 for, as if the org had it. */
    static final String TAKEN = "taken@example.com";
    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final LibphonenumberParser PHONES = new LibphonenumberParser("US");

    /** Pretends a worker finished the export. */
    void finishExport(ExportId id) {
        LeadExport queued = exports.get(id);
        exports.put(id, new LeadExport(id, queued.orgId(), queued.requestedBy(), queued.filters(), ExportStatus.SUCCEEDED, 1L,
                queued.createdAt(), queued.createdAt().plusSeconds(5), queued.expiresAt(), null));
    }

    /** The fake lead is at version 3; any other expected version is stale. */
    private void checkVersion(LeadId id, Optional<Long> expected) {
        if (!id.equals(LEAD.id())) {
            throw new LeadNotFoundException(id);
        }
        lastExpectedVersion.set(expected);
        if (expected.isPresent() && expected.get() != LEAD.version()) {
            throw new VersionMismatchException(id, LEAD.version());
        }
    }

    private static LeadDetails details(String notes) {
        return new LeadDetails(LEAD, notes, Instant.parse("2026-01-02T09:00:00Z"), ACTIVE, Optional.empty(), Optional.empty(),
                List.of());
    }

    HttpApi.UseCases useCases() {
        return new HttpApi.UseCases(
                new HttpApi.UseCases.Health(() -> new Health(jobs.get()), () -> readiness.get().get()),
                email -> {
                    String normalised = email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
                    if (normalised.equals(INACTIVE)) {
                        throw new AccountInactiveException();
                    }
                    if (!normalised.equals(ACTIVE)) {
                        throw new AuthenticationRequiredException();
                    }
                    return new Caller(ORG, ACTIVE);
                },
                new HttpApi.UseCases.Reads((caller, query) -> {
                    if (listFailure.get() != null) {
                        throw listFailure.get();
                    }
                    lastCaller.set(caller);
                    lastLeadQuery.set(query);
                    if (listDelayMillis.get() > 0) {
                        try {
                            Thread.sleep(listDelayMillis.get());
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    if (listHasMore.get()) {
                        return new Page<>(List.of(LEAD), 10, query.page().limit(), query.page().offset(), true);
                    }
                    if (listCopies.get() > 1) {
                        return new Page<>(java.util.Collections.nCopies(listCopies.get(), LEAD), listCopies.get(),
                                query.page().limit(), query.page().offset());
                    }
                    return new Page<>(List.of(LEAD), 1, query.page().limit(), query.page().offset());
                }, (caller, id) -> {
                    if (!id.equals(LEAD.id())) {
                        throw new LeadNotFoundException(id);
                    }
                    return new LeadDetails(LEAD, "Prefers mornings", Instant.parse("2026-01-02T09:00:00Z"), ACTIVE,
                            Optional.empty(), Optional.empty(), List.of());
                }, (caller, id, query) -> {
                    if (!id.equals(LEAD.id())) {
                        throw new LeadNotFoundException(id);
                    }
                    lastEventQuery.set(query);
                    return new Page<>(List.of(), 0, query.page().limit(), query.page().offset());
                }, (caller, id, page) -> {
                    checkVersion(id, Optional.empty());
                    return new Page<>(List.of(new HistoryEntry("tags", List.of("old"), List.of("vip"), ACTIVE,
                            Instant.parse("2026-01-02T09:00:00Z"), null)), 1, page.limit(), page.offset());
                }),
                new HttpApi.UseCases.Changes((caller, id, update, expected) -> {
                    checkVersion(id, expected);
                    lastContactUpdate.set(update);
                    return details(null);
                }, (caller, id, notes, expected) -> {
                    checkVersion(id, expected);
                    lastNotes.set(notes);
                    return details(notes);
                }, (caller, id, target, reason, expected) -> {
                    checkVersion(id, expected);
                    lastReason.set(reason);
                    // Status changes act on a converted lead: back to waitlist or invited only with a reason.
                    if (target != LeadStatus.CONVERTED) {
                        LeadStatus.CONVERTED.move(target, reason);
                    }
                    return details(null);
                }),
                new HttpApi.UseCases.Exports((caller, filters, target) -> {
                    if (exportFailure.get() != null) {
                        throw exportFailure.get();
                    }
                    if (exportOverride.get() != null) {
                        return exportOverride.get().exportCsv(caller, filters, target);
                    }
                    lastExportFilters.set(filters);
                    byte[] csv = CSV.getBytes(StandardCharsets.UTF_8);
                    target.open().write(csv);
                    return new ExportWritten(1, csv.length);
                }, new ExportJobsUseCase() {
                    @Override
                    public LeadExport requestExport(Caller caller, LeadFilters filters) {
                        lastExportFilters.set(filters);
                        Instant now = Instant.parse("2026-11-26T12:00:00Z");
                        LeadExport export = LeadExport.queued(ExportId.random(), caller.orgId(), caller.email(), filters, now,
                                now.plusSeconds(86_400));
                        exports.put(export.id(), export);
                        return export;
                    }

                    @Override
                    public LeadExport getExport(Caller caller, ExportId id) {
                        return Optional.ofNullable(exports.get(id)).orElseThrow(() -> new ExportNotFoundException(id));
                    }

                    @Override
                    public Page<LeadExport> listExports(Caller caller, PageRequest page) {
                        List<LeadExport> all = List.copyOf(exports.values());
                        return new Page<>(all, all.size(), page.limit(), page.offset());
                    }

                    @Override
                    public void downloadExport(Caller caller, ExportId id, java.util.function.Function<LeadExport,
                            OutputStream> open) throws IOException {
                        LeadExport export = getExport(caller, id);
                        if (export.status() != ExportStatus.SUCCEEDED) {
                            throw new ExportNotReadyException(id, export.status());
                        }
                        open.apply(export).write(CSV.getBytes(StandardCharsets.UTF_8));
                    }
                }),
                new HttpApi.UseCases.Intake((caller, command) -> { // the real validation, so that field names and limits are the real ones
                    NewLead lead = command.validate(caller, PHONES, NOW);
                    if (lead.email().value().equalsIgnoreCase(TAKEN)) {
                        throw new DuplicateLeadException(LEAD.id());
                    }
                    lastNewLead.set(lead);
                    return details(null);
                }, (caller, id, command) -> {
                    checkVersion(id, Optional.empty());
                    ConsentEntry entry = command.validate(caller, NOW);
                    lastConsent.set(entry);
                    return new ConsentLedger.Appended(new RecordedConsent(7, entry, NOW), LEAD.version() + 1);
                }, (caller, id, page) -> {
                    checkVersion(id, Optional.empty());
                    ConsentEntry entry = new ConsentEntry(ConsentChannel.EMAIL, ConsentStatus.GRANTED, NOW, "waitlist-web",
                            "v1", "203.0.113.7", "Mozilla/5.0", "public-capture");
                    return new Page<>(List.of(new RecordedConsent(7, entry, NOW)), 1, page.limit(), page.offset());
                }, (scope, fingerprint, request) -> new IdempotentRequests.Outcome(request.get().response(), false), Optional.of(command -> {
                    command.validate(ORG, PHONES, NOW);
                    lastCapture.set(command);
                    return new LeadIntake.CaptureOutcome(LEAD.id(), true, List.of());
                })),
                new HttpApi.UseCases.Messages(Optional.of(report -> {
                    reports.add(report);
                    return new RecordMessageEventUseCase.Outcome(1, 0, Optional.empty());
                }), Optional.of((leadId, channel, version, token) -> unsubscribes.add(leadId + "|" + channel + "|" + version
                        + "|" + token))));
    }

    /** What the webhooks handed to the use case, in order. */
    final List<com.coachintel.leads.domain.message.ProviderReport> reports = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** What the unsubscribe routes handed to the use case: lead_id|channel|v|token. */
    final List<String> unsubscribes = new java.util.concurrent.CopyOnWriteArrayList<>();
}
