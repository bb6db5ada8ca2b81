package com.coachintel.leads.domain.port;

import com.coachintel.leads.domain.user.UserAccount;
import java.util.Optional;

/** Looks up users by their sign-in email. */
public interface UserAccounts {

    /** The user whose email equals {@code email} ignoring case, if any. */
    Optional<UserAccount> findByEmail(String email);
}
