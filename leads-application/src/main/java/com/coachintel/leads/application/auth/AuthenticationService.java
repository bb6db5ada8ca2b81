package com.coachintel.leads.application.auth;

import com.coachintel.leads.domain.port.UserAccounts;
import com.coachintel.leads.domain.user.Caller;
import com.coachintel.leads.domain.user.UserAccount;
import java.util.Objects;

/** {@link AuthenticateUseCase} over the {@link UserAccounts} port. */
public final class AuthenticationService implements AuthenticateUseCase {

    /** Longer than any real address (RFC 5321 caps a path at 256); longer input is not looked up. */
    private static final int MAX_EMAIL_LENGTH = 320;

    private final UserAccounts users;

    public AuthenticationService(UserAccounts users) {
        this.users = Objects.requireNonNull(users, "users");
    }

    @Override
    public Caller authenticate(String claimedEmail) {
        if (claimedEmail == null) {
            throw new AuthenticationRequiredException();
        }
        String email = claimedEmail.strip();
        if (email.isEmpty() || email.length() > MAX_EMAIL_LENGTH) {
            throw new AuthenticationRequiredException();
        }
        UserAccount user = users.findByEmail(email).orElseThrow(AuthenticationRequiredException::new);
        if (!user.active()) {
            throw new AccountInactiveException();
        }
        return new Caller(user.orgId(), user.email());
    }
}
