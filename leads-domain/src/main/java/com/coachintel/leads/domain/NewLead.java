package com.coachintel.leads.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A lead to add to an org, validated: it starts in {@link #INITIAL_STATUS} with these fields, tags, notes and
 * initial consent entries.
 *
 * @param org       the org it belongs to
 * @param email     unique in the org, ignoring case
 * @param profile   names, phone, source and UTM fields
 * @param tags      normalised tags
 * @param notes     the coach's notes, if any
 * @param consents  consent entries to append with it, at most one per channel
 * @param createdBy who adds it: a user's email, or {@code public-capture}
 * @param createdAt when
 */
public record NewLead(OrgId org, EmailAddress email, LeadProfile profile, List<Tag> tags, Optional<Notes> notes,
        List<ConsentEntry> consents, String createdBy, Instant createdAt) {

    /** Every new lead starts here. */
    public static final LeadStatus INITIAL_STATUS = LeadStatus.WAITLIST;

    public NewLead {
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(profile, "profile");
        tags = List.copyOf(tags);
        Objects.requireNonNull(notes, "notes");
        consents = List.copyOf(consents);
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        if (consents.stream().map(ConsentEntry::channel).distinct().count() != consents.size()) {
            throw new IllegalArgumentException("at most one initial consent entry per channel");
        }
    }
}
