package com.coachintel.leads.domain.user;

import com.coachintel.leads.domain.OrgId;
import java.util.Objects;
import java.util.UUID;

/**
 * A CoachIntel user as Leads knows it.
 *
 * @param id     the user's id
 * @param orgId  the one org the user belongs to
 * @param email  the sign-in email, as stored
 * @param active false once the user has been deactivated
 */
public record UserAccount(UUID id, OrgId orgId, String email, boolean active) {

    public UserAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(email, "email");
    }
}
