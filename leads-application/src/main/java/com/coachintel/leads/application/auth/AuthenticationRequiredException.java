package com.coachintel.leads.application.auth;

import com.coachintel.leads.domain.DomainException;

/**
 * No usable identity: the email is missing, blank or unknown. One message for all three, so that a
 * caller cannot probe which emails exist.
 */
public final class AuthenticationRequiredException extends DomainException {

    public AuthenticationRequiredException() {
        super("authentication-required", "Sign in first: the request must carry the x-user-email of an active user");
    }
}
