package com.coachintel.leads.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A lead as lists and exports show it: everything but the notes.
 *
 * @param id              the lead's id
 * @param createdAt       when it was created
 * @param updatedAt       when it last changed
 * @param status          where it stands in the lifecycle
 * @param firstName       may be null
 * @param lastName        may be null
 * @param email           as the lead typed it (unique per org, case-insensitively)
 * @param phone           E.164, such as {@code +14155550123}; may be null
 * @param tags            normalised tags, in the order they were given
 * @param source          where the lead came from, such as {@code website}; may be null
 * @param utmSource       may be null
 * @param utmMedium       may be null
 * @param utmCampaign     may be null
 * @param lastContactedAt when a message was last sent; may be null
 * @param version         increases with every change (optimistic concurrency)
 */
public record LeadListItem(LeadId id, Instant createdAt, Instant updatedAt, LeadStatus status, String firstName,
        String lastName, String email, String phone, List<Tag> tags, String source, String utmSource, String utmMedium,
        String utmCampaign, Instant lastContactedAt, long version) {

    public LeadListItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(email, "email");
        tags = List.copyOf(tags);
    }
}
