package com.coachintel.leads.examples;

import com.coachintel.leads.adapter.persistence.PostgresPersistence;
import com.coachintel.leads.application.intake.CreateLeadCommand;
import com.coachintel.leads.application.intake.IntakeService;
import com.coachintel.leads.application.leads.LeadChangeService;
import com.coachintel.leads.application.leads.LeadReadService;
import com.coachintel.leads.application.phone.LibphonenumberParser;
import com.coachintel.leads.domain.LeadDetails;
import com.coachintel.leads.domain.LeadStatus;
import com.coachintel.leads.domain.query.LeadQuery;
import com.coachintel.leads.domain.query.Page;
import com.coachintel.leads.domain.LeadListItem;
import com.coachintel.leads.domain.user.Caller;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * docs/embedding.md's first example, as a service (Spring, Quarkus, plain Java) would write it: the use cases on its
 * own {@link DataSource}, with the PostgreSQL adapter and the phone parser, and no HTTP at all. The embedder owns the
 * schema migration (run once at start-up), the pool and the clock; every use case runs its own transaction.
 */
public final class EmbeddedOnPostgres {

    private final IntakeService intake;
    private final LeadReadService reads;
    private final LeadChangeService changes;

    public EmbeddedOnPostgres(DataSource dataSource) {
        PostgresPersistence persistence = new PostgresPersistence(dataSource);
        persistence.schemaMigrator().migrate(); // Liquibase, idempotent: the service's own start-up step
        Clock clock = Clock.systemUTC();
        LibphonenumberParser phones = new LibphonenumberParser("US");
        this.intake = new IntakeService(persistence.leadIntake(), persistence.consentLedger(), persistence.leadQueries(),
                phones, clock);
        this.reads = new LeadReadService(persistence.leadQueries());
        this.changes = new LeadChangeService(persistence.leadStore(), phones, clock);
    }

    /** A lead from the service's own sign-up flow, then invited: what the HTTP API would do for POST and status. */
    public LeadDetails signUpAndInvite(Caller coach, String email, String phone) {
        LeadDetails created = intake.createLead(coach, new CreateLeadCommand(email, "Ada", "Lovelace", phone, List.of("vip"),
                "partner-site", null, null, null, null, Map.of()));
        return changes.changeStatus(coach, created.lead().id(), LeadStatus.INVITED, null, Optional.empty());
    }

    /** The coach's leads, newest first, with the exact total. */
    public Page<LeadListItem> leads(Caller coach) {
        return reads.listLeads(coach, LeadQuery.all());
    }
}
