package com.coachintel.leads.domain.export;

import com.coachintel.leads.domain.Uuids;
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

    /** Parses the canonical UUID text; anything else is a {@link com.coachintel.leads.domain.ValidationException} on {@code field}. */
    public static ExportId parse(String text, String field) {
        return new ExportId(Uuids.parse(text, field, "export"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
