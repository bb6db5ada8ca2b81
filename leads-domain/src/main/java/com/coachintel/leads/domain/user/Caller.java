package com.coachintel.leads.domain.user;

import com.coachintel.leads.domain.OrgId;
import java.util.Objects;

/**
 * The authenticated, active user a request acts for. Every read and write is scoped to {@link #orgId()}.
 *
 * @param orgId the caller's org
 * @param email the caller's email as stored, recorded as "who" on changes
 */
public record Caller(OrgId orgId, String email) {

    public Caller {
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(email, "email");
    }
}
