package com.coachintel.leads.domain;

import java.util.Objects;
import java.util.UUID;

/** The identity of an organisation: every lead belongs to exactly one, and users see only their own org's. */
public record OrgId(UUID value) {

    public OrgId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
