package com.coachintel.leads.adapter.persistence;

import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.port.UserAccounts;
import com.coachintel.leads.domain.user.UserAccount;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** {@link UserAccounts} on the {@code users} table; the look-up uses the unique index on lower(email). */
final class JdbiUserAccounts implements UserAccounts {

    private final Jdbi jdbi;

    JdbiUserAccounts(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<UserAccount> findByEmail(String email) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT id, org_id, email, active FROM users WHERE lower(email) = lower(:email)")
                .bind("email", email)
                .map((rs, ctx) -> new UserAccount(rs.getObject("id", UUID.class), new OrgId(rs.getObject("org_id", UUID.class)),
                        rs.getString("email"), rs.getBoolean("active")))
                .findOne());
    }
}
