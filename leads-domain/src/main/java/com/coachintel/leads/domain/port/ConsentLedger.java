package com.coachintel.leads.domain.port;

import com.coachintel.leads.domain.ConsentEntry;
import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.RecordedConsent;
import com.coachintel.leads.domain.query.Page;
import com.coachintel.leads.domain.query.PageRequest;
import java.util.Objects;
import java.util.Optional;

/** A lead's append-only consent ledger. Scoped to one org, like every port: other orgs' leads do not exist. */
public interface ConsentLedger {

    /**
     * Appends an entry and records in the lead's history how the consent in force changed; the lead's version
     * goes up by one, since its detail shows the consent in force. One transaction.
     *
     * @throws com.coachintel.leads.domain.LeadNotFoundException when the org has no such lead
     */
    Appended append(OrgId org, LeadId lead, ConsentEntry entry);

    /** The lead's entries, newest first ({@link RecordedConsent#IN_FORCE_FIRST}); empty when the org has no such lead. */
    Optional<Page<RecordedConsent>> list(OrgId org, LeadId lead, PageRequest page);

    /**
     * An appended entry.
     *
     * @param consent     the entry as stored
     * @param leadVersion the lead's version after the append
     */
    record Appended(RecordedConsent consent, long leadVersion) {
        public Appended {
            Objects.requireNonNull(consent, "consent");
        }
    }
}
