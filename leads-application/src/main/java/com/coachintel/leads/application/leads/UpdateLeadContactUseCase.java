package com.coachintel.leads.application.leads;

import com.coachintel.leads.domain.LeadDetails;
import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.user.Caller;
import java.util.Optional;

/** Replaces a lead's tags and/or phone number. */
public interface UpdateLeadContactUseCase {

    /**
     * @param expectedVersion the version the caller read, when it wants the change only on top of that
     * @return the lead after the change
     * @throws com.coachintel.leads.domain.ValidationException      naming each bad tag ({@code tags[i]}) or {@code phone}
     * @throws com.coachintel.leads.domain.LeadNotFoundException    when the caller's org has no such lead
     * @throws com.coachintel.leads.domain.VersionMismatchException when the lead is no longer at that version
     */
    LeadDetails updateContact(Caller caller, LeadId id, ContactUpdate update, Optional<Long> expectedVersion);
}
