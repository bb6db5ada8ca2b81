package com.coachintel.leads.domain.export;

import com.coachintel.leads.domain.ValidationException;
import java.util.Objects;
import java.util.UUID;

/** The identity of an export job. */
public record ExportId(UUID value) {

    public ExportId {
        Objects.requireNonNull(value, "value");
    }

    /** A new, random id. */
    public static ExportId random() {
        return new ExportId(UUID.randomUUID());
    }

    /** Parses the canonical UUID text; anything else is a {@link ValidationException} on {@code field}. */
    public static ExportId parse(String text, String field) {
        if (text == null || text.length() != 36) {
            throw ValidationException.of(field, "must be an export id (a UUID)");
        }
        try {
            return new ExportId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw ValidationException.of(field, "must be an export id (a UUID)");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
