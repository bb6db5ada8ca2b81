package com.coachintel.leads.domain;

import java.util.Objects;
import java.util.UUID;

/** The identity of a lead: a UUID, random so that ids reveal neither order nor volume. */
public record LeadId(UUID value) {

    public LeadId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses the canonical UUID text; anything else is a {@link ValidationException} on {@code field}. */
    public static LeadId parse(String text, String field) {
        return new LeadId(Uuids.parse(text, field, "lead"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
