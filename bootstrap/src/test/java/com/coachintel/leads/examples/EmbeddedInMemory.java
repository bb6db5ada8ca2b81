package com.coachintel.leads.examples;

import com.coachintel.leads.application.export.ExportService;
import com.coachintel.leads.application.intake.CreateLeadCommand;
import com.coachintel.leads.application.intake.IntakeService;
import com.coachintel.leads.application.leads.LeadChangeService;
import com.coachintel.leads.application.leads.LeadReadService;
import com.coachintel.leads.application.phone.LibphonenumberParser;
import com.coachintel.leads.domain.LeadDetails;
import com.coachintel.leads.domain.LeadListItem;
import com.coachintel.leads.domain.LeadStatus;
import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.query.LeadFilters;
import com.coachintel.leads.domain.query.LeadQuery;
import com.coachintel.leads.domain.query.Page;
import com.coachintel.leads.domain.user.Caller;
import com.coachintel.leads.domain.export.ExportId;
import com.coachintel.leads.inmemory.InMemoryJobs;
import com.coachintel.leads.inmemory.InMemoryPersistence;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * docs/embedding.md's second example: the same use cases on the in-memory ports of {@code leads-domain}'s test-jar,
 * as a service's own tests (or a prototype) would run them, with no database. Nothing to migrate; the clock is the
 * embedder's, and each port call is atomic on its own, as each PostgreSQL transaction is.
 */
public final class EmbeddedInMemory {

    private final InMemoryPersistence memory;
    private final InMemoryJobs jobs = new InMemoryJobs();
    private final IntakeService intake;
    private final LeadReadService reads;
    private final LeadChangeService changes;
    private final ExportService exports;

    public EmbeddedInMemory(Clock clock) {
        this.memory = new InMemoryPersistence(clock);
        LibphonenumberParser phones = new LibphonenumberParser("US");
        this.intake = new IntakeService(memory.leadIntake(), memory.consentLedger(), memory.leadQueries(), phones, clock);
        this.reads = new LeadReadService(memory.leadQueries());
        this.changes = new LeadChangeService(memory.leadStore(), phones, clock);
        // Background exports are queued in memory and run when the service says so (runBackgroundJobs).
        this.exports = new ExportService(memory.matchingLeads(), memory.leadExports(), jobs.exportScheduler(), clock,
                Duration.ofHours(24));
    }

    /** An org of the service's own (no port creates orgs: the embedder's user store does). */
    public OrgId addOrg(String name) {
        return memory.addOrg(name);
    }

    /** A lead from the service's own sign-up flow, then invited. */
    public LeadDetails signUpAndInvite(Caller coach, String email, String phone) {
        LeadDetails created = intake.createLead(coach, new CreateLeadCommand(email, "Ada", "Lovelace", phone, List.of("vip"),
                "partner-site", null, null, null, null, Map.of()));
        return changes.changeStatus(coach, created.lead().id(), LeadStatus.INVITED, null, Optional.empty());
    }

    /** The coach's invited leads, newest first, with the exact total: the filters work as on PostgreSQL. */
    public Page<LeadListItem> invited(Caller coach) {
        return reads.listLeads(coach, LeadQuery.all().withFilters(LeadFilters.none().withStatuses(Set.of(LeadStatus.INVITED))));
    }

    /** Asks for the coach's leads as a background export; returns its id. */
    public ExportId requestExport(Caller coach) {
        return exports.requestExport(coach, LeadFilters.none()).id();
    }

    /** Runs the queued background exports, as a job worker would; returns how many ran. */
    public int runBackgroundJobs() {
        return jobs.runQueued(exports::runExport);
    }

    /** A finished background export's file. */
    public void download(Caller coach, ExportId id, OutputStream out) throws IOException {
        exports.downloadExport(coach, id, export -> out);
    }

    /** The coach's leads as CSV. */
    public long exportCsv(Caller coach, OutputStream out) throws IOException {
        return exports.exportCsv(coach, LeadFilters.none(), () -> out).rows();
    }
}
