package com.coachintel.leads.application.intake;

import com.coachintel.leads.application.leads.GetLeadUseCase;
import com.coachintel.leads.domain.LeadDetails;
import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.LeadNotFoundException;
import com.coachintel.leads.domain.RecordedConsent;
import com.coachintel.leads.domain.port.ConsentLedger;
import com.coachintel.leads.domain.port.LeadIntake;
import com.coachintel.leads.domain.port.LeadQueries;
import com.coachintel.leads.domain.port.PhoneNumberParser;
import com.coachintel.leads.domain.query.Page;
import com.coachintel.leads.domain.query.PageRequest;
import com.coachintel.leads.domain.user.Caller;
import java.time.Clock;
import java.util.Objects;

/** The signed-in intake use cases: create a lead, record a consent, list a lead's consents. */
public final class IntakeService implements CreateLeadUseCase, RecordConsentUseCase, ListLeadConsentsUseCase {

    private final LeadIntake intake;
    private final ConsentLedger ledger;
    private final LeadQueries queries;
    private final PhoneNumberParser phones;
    private final Clock clock;

    public IntakeService(LeadIntake intake, ConsentLedger ledger, LeadQueries queries, PhoneNumberParser phones, Clock clock) {
        this.intake = Objects.requireNonNull(intake, "intake");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.queries = Objects.requireNonNull(queries, "queries");
        this.phones = Objects.requireNonNull(phones, "phones");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public LeadDetails createLead(Caller caller, CreateLeadCommand command) {
        LeadId id = intake.create(command.validate(caller, phones, clock.instant()));
        return queries.details(caller.orgId(), id, GetLeadUseCase.RECENT_STATUS_CHANGES)
                .orElseThrow(() -> new LeadNotFoundException(id)); // only if deleted in between
    }

    @Override
    public ConsentLedger.Appended recordConsent(Caller caller, LeadId lead, RecordConsentCommand command) {
        return ledger.append(caller.orgId(), lead, command.validate(caller, clock.instant()));
    }

    @Override
    public Page<RecordedConsent> listConsents(Caller caller, LeadId lead, PageRequest page) {
        return ledger.list(caller.orgId(), lead, page).orElseThrow(() -> new LeadNotFoundException(lead));
    }
}
