package com.coachintel.leads.application.leads;

import com.coachintel.leads.domain.LeadDetails;
import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.LeadStatus;
import com.coachintel.leads.domain.user.Caller;
import java.util.Optional;

/** Moves a lead in the lifecycle; the status it already has is no change and no history. */
public interface ChangeLeadStatusUseCase {

    /** The longest reason accepted. */
    int MAX_REASON_LENGTH = 500;

    /**
     * @param reason why, at most 500 characters; null or blank for none
     * @return the lead after the change
     * @throws com.coachintel.leads.domain.InvalidStatusTransitionException when the lifecycle forbids the move
     * @throws com.coachintel.leads.domain.ValidationException               on {@code reason} when too long
     * @throws com.coachintel.leads.domain.LeadNotFoundException             when the caller's org has no such lead
     * @throws com.coachintel.leads.domain.VersionMismatchException          when the lead is no longer at that version
     */
    LeadDetails changeStatus(Caller caller, LeadId id, LeadStatus target, String reason, Optional<Long> expectedVersion);
}
