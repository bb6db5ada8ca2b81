package com.coachintel.leads.application.intake;

import com.coachintel.leads.domain.LeadDetails;
import com.coachintel.leads.domain.user.Caller;

/** A signed-in user adds a lead to their org; it starts in {@code waitlist}. */
public interface CreateLeadUseCase {

    /**
     * @return the new lead as stored
     * @throws com.coachintel.leads.domain.ValidationException     naming every invalid field
     * @throws com.coachintel.leads.domain.DuplicateLeadException  when the org has a lead with this email
     */
    LeadDetails createLead(Caller caller, CreateLeadCommand command);
}
