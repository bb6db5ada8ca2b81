package com.coachintel.leads.application.leads;

import com.coachintel.leads.domain.LeadDetails;
import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.user.Caller;
import java.util.Optional;

/** Replaces a lead's notes, recording who wrote them and when. */
public interface UpdateLeadNotesUseCase {

    /**
     * @param notes the new notes, at most 10,000 characters; null or empty clears them
     * @return the lead after the change
     * @throws com.coachintel.leads.domain.ValidationException      on {@code notes} when too long
     * @throws com.coachintel.leads.domain.LeadNotFoundException    when the caller's org has no such lead
     * @throws com.coachintel.leads.domain.VersionMismatchException when the lead is no longer at that version
     */
    LeadDetails updateNotes(Caller caller, LeadId id, String notes, Optional<Long> expectedVersion);
}
