package com.coachintel.leads.application.auth;

import com.coachintel.leads.domain.DomainException;

/** The user exists but has been deactivated. */
public final class AccountInactiveException extends DomainException {

    public AccountInactiveException() {
        super("account-inactive", "This account has been deactivated; ask an owner of your organisation to reactivate it");
    }
}
