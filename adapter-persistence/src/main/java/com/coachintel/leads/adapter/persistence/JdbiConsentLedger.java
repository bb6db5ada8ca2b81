package com.coachintel.leads.adapter.persistence;

import com.coachintel.leads.domain.ConsentEntry;
import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.LeadNotFoundException;
import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.RecordedConsent;
import com.coachintel.leads.domain.port.ConsentLedger;
import com.coachintel.leads.domain.query.Page;
import com.coachintel.leads.domain.query.PageRequest;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** {@link ConsentLedger} on {@code lead_consents}: the lead's row lock orders appends to one lead. */
final class JdbiConsentLedger implements ConsentLedger {

    private final Jdbi jdbi;

    JdbiConsentLedger(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Appended append(OrgId org, LeadId lead, ConsentEntry entry) {
        return jdbi.inTransaction(handle -> {
            // Locks the lead and bumps its version: its detail shows the consent in force.
            Long version = handle.createQuery("""
                            UPDATE leads SET version = version + 1, updated_at = now()
                            WHERE id = :lead AND org_id = :org RETURNING version""")
                    .bind("lead", lead.value()).bind("org", org.value())
                    .mapTo(Long.class).findOne().orElseThrow(() -> new LeadNotFoundException(lead));
            RecordedConsent recorded = ConsentRows.append(handle, org.value(), lead.value(), entry);
            return new Appended(recorded, version);
        });
    }

    @Override
    public Optional<Page<RecordedConsent>> list(OrgId org, LeadId lead, PageRequest page) {
        return jdbi.withHandle(handle -> {
            // One snapshot for the total and the page.
            handle.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
            try {
                boolean exists = handle.createQuery("SELECT EXISTS (SELECT 1 FROM leads WHERE id = :lead AND org_id = :org)")
                        .bind("lead", lead.value()).bind("org", org.value()).mapTo(Boolean.class).one();
                if (!exists) {
                    return Optional.<Page<RecordedConsent>>empty();
                }
                long total = handle.createQuery("SELECT count(*) FROM lead_consents WHERE lead_id = :lead AND org_id = :org")
                        .bind("lead", lead.value()).bind("org", org.value()).mapTo(Long.class).one();
                List<RecordedConsent> items = handle.createQuery("SELECT " + ConsentRows.COLUMNS
                                + " FROM lead_consents WHERE lead_id = :lead AND org_id = :org"
                                + " ORDER BY captured_at DESC, id DESC LIMIT :limit OFFSET :offset")
                        .bind("lead", lead.value()).bind("org", org.value())
                        .bind("limit", page.limit()).bind("offset", page.offset())
                        .map((rs, ctx) -> ConsentRows.read(rs)).list();
                return Optional.of(new Page<>(items, total, page.limit(), page.offset()));
            } finally {
                handle.execute("COMMIT");
            }
        });
    }
}
