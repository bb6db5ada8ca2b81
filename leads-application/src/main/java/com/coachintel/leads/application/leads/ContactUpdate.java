package com.coachintel.leads.application.leads;

import com.coachintel.leads.domain.FieldUpdate;
import java.util.List;
import java.util.Objects;

/**
 * A partial update of a lead's contact fields, as the caller gave them (raw, not yet validated).
 *
 * @param tags  keep, or set to these tags (an empty list removes them all); tags cannot be cleared to null
 * @param phone keep, clear, or set to this number as typed (an empty or blank one clears it too)
 */
public record ContactUpdate(FieldUpdate<List<String>> tags, FieldUpdate<String> phone) {

    public ContactUpdate {
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(phone, "phone");
        if (tags.isPresent() && tags.applyTo(null) == null) {
            throw new IllegalArgumentException("tags can be kept or set, not cleared: set an empty list instead");
        }
    }
}
