package com.coachintel.leads.application.auth;

import com.coachintel.leads.domain.user.Caller;

/** Turns the email a trusted proxy forwarded into the caller a request acts for. */
public interface AuthenticateUseCase {

    /**
     * @param claimedEmail the forwarded email, as received (may be null or padded)
     * @return the active user's caller
     * @throws AuthenticationRequiredException when the email is missing, blank or unknown
     * @throws AccountInactiveException        when the user exists but has been deactivated
     */
    Caller authenticate(String claimedEmail);
}
