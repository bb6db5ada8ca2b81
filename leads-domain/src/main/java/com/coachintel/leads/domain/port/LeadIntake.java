package com.coachintel.leads.domain.port;

import com.coachintel.leads.domain.LeadField;
import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.NewLead;
import java.util.List;
import java.util.Objects;

/**
 * The way leads come in: each method one transaction that writes the lead, its creation or capture in history,
 * and its consent entries (each with its own history entry), or nothing. The per-status and per-tag counters
 * stay exact.
 */
public interface LeadIntake {

    /**
     * Adds a new lead.
     *
     * @return the new lead's id
     * @throws com.coachintel.leads.domain.DuplicateLeadException when the org has a lead with this email (ignoring
     *         case), also when a concurrent create of the same email committed first
     */
    LeadId create(NewLead lead);

    /**
     * Adds the lead, or, when the org already has one with this email, fills that lead's empty profile fields from
     * it ({@link com.coachintel.leads.domain.LeadProfile#fillBlanksFrom}), records that it was captured again and
     * appends its consent entries. Concurrent captures of one email make one lead.
     */
    CaptureOutcome capture(NewLead lead);

    /**
     * What a capture did.
     *
     * @param lead    the lead captured
     * @param created whether it was new
     * @param filled  for a known lead, the fields it had empty and now has
     */
    record CaptureOutcome(LeadId lead, boolean created, List<LeadField> filled) {
        public CaptureOutcome {
            Objects.requireNonNull(lead, "lead");
            filled = List.copyOf(filled);
        }
    }
}
