package com.coachintel.leads.application.intake;

import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.port.ConsentLedger;
import com.coachintel.leads.domain.user.Caller;

/** A signed-in user appends a consent entry (granted or revoked) to a lead's ledger. */
public interface RecordConsentUseCase {

    /**
     * @return the entry as stored and the lead's new version
     * @throws com.coachintel.leads.domain.ValidationException    naming every invalid field
     * @throws com.coachintel.leads.domain.LeadNotFoundException when the caller's org has no such lead
     */
    ConsentLedger.Appended recordConsent(Caller caller, LeadId lead, RecordConsentCommand command);
}
