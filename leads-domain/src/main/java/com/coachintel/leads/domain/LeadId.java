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
        if (text == null || text.length() != 36) {
            throw ValidationException.of(field, "must be a lead id (a UUID such as 3f2b8c1e-...)");
        }
        try {
            return new LeadId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw ValidationException.of(field, "must be a lead id (a UUID such as 3f2b8c1e-...)");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
