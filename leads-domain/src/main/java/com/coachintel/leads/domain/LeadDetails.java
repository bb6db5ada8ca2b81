package com.coachintel.leads.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the detail view shows of one lead.
 *
 * @param lead                the lead's fields
 * @param notes               free text by the coach; may be null
 * @param notesUpdatedAt      when the notes last changed; may be null
 * @param notesUpdatedBy      who changed them; may be null
 * @param emailConsent        the latest email consent entry, if any
 * @param smsConsent          the latest SMS consent entry, if any
 * @param recentStatusChanges the latest status changes, newest first
 */
public record LeadDetails(LeadListItem lead, String notes, Instant notesUpdatedAt, String notesUpdatedBy,
        Optional<Consent> emailConsent, Optional<Consent> smsConsent, List<StatusChange> recentStatusChanges) {

    /** How many of the latest status changes a lead's detail carries. */
    public static final int RECENT_STATUS_CHANGES = 10;


    public LeadDetails {
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(emailConsent, "emailConsent");
        Objects.requireNonNull(smsConsent, "smsConsent");
        recentStatusChanges = List.copyOf(recentStatusChanges);
    }
}
