package com.coachintel.leads.application.intake;

import com.coachintel.leads.domain.port.LeadIntake;

/**
 * A public sign-up form hands in a lead for the capture org: a new email makes a {@code waitlist} lead, a known
 * one completes the lead's empty fields and is recorded as captured again; each ticked consent box appends a
 * granted entry with its proof. Attempts are limited per client address.
 */
public interface CaptureLeadUseCase {

    /**
     * @return what the capture did; a public answer must not reveal it (whether the email was known)
     * @throws RateLimitedException                               when the client's address is over the limit
     * @throws com.coachintel.leads.domain.ValidationException    naming every invalid field
     */
    LeadIntake.CaptureOutcome capture(CaptureLeadCommand command);
}
