package com.coachintel.leads.adapter.http;

import com.coachintel.leads.application.auth.AccountInactiveException;
import com.coachintel.leads.application.auth.AuthenticationRequiredException;
import com.coachintel.leads.application.health.Readiness;
import com.coachintel.leads.domain.LeadDetails;
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

    final AtomicReference<Supplier<Readiness>> readiness = new AtomicReference<>(() -> new Readiness(true, "reachable"));
    final AtomicReference<LeadQuery> lastLeadQuery = new AtomicReference<>();
    final AtomicReference<EventQuery> lastEventQuery = new AtomicReference<>();
    final AtomicReference<Caller> lastCaller = new AtomicReference<>();

    HttpApi.UseCases useCases() {
        return new HttpApi.UseCases(
                () -> readiness.get().get(),
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
                (caller, query) -> {
                    lastCaller.set(caller);
                    lastLeadQuery.set(query);
                    return new Page<>(List.of(LEAD), 1, query.page().limit(), query.page().offset());
                },
                (caller, id) -> {
                    if (!id.equals(LEAD.id())) {
                        throw new LeadNotFoundException(id);
                    }
                    return new LeadDetails(LEAD, "Prefers mornings", Instant.parse("2026-01-02T09:00:00Z"), ACTIVE,
                            Optional.empty(), Optional.empty(), List.of());
                },
                (caller, id, query) -> {
                    if (!id.equals(LEAD.id())) {
                        throw new LeadNotFoundException(id);
                    }
                    lastEventQuery.set(query);
                    return new Page<>(List.of(), 0, query.page().limit(), query.page().offset());
                });
    }
}
