package com.coachintel.leads.application.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.port.UserAccounts;
import com.coachintel.leads.domain.user.Caller;
import com.coachintel.leads.domain.user.UserAccount;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuthenticationServiceTest {

    static final OrgId ORG = new OrgId(UUID.randomUUID());

    /** An in-memory UserAccounts that compares emails ignoring case, as the real one does. */
    static UserAccounts users(UserAccount... accounts) {
        List<UserAccount> all = List.of(accounts);
        return email -> all.stream()
                .filter(u -> u.email().toLowerCase(Locale.ROOT).equals(email.toLowerCase(Locale.ROOT))).findFirst();
    }

    final AuthenticationService service = new AuthenticationService(users(
            new UserAccount(UUID.randomUUID(), ORG, "Coach@Example.com", true),
            new UserAccount(UUID.randomUUID(), ORG, "gone@example.com", false)));

    @Test
    void an_active_user_is_the_caller_whatever_the_case_and_padding() {
        Caller caller = service.authenticate("  coach@EXAMPLE.com ");

        assertThat(caller).isEqualTo(new Caller(ORG, "Coach@Example.com"));
    }

    @Test
    void missing_blank_and_unknown_emails_get_the_same_answer() {
        for (String email : new String[] {null, "", "   ", "nobody@example.com", "x".repeat(400)}) {
            assertThatThrownBy(() -> service.authenticate(email))
                    .isInstanceOf(AuthenticationRequiredException.class)
                    .hasMessage("Sign in first: the request must carry the x-user-email of an active user");
        }
    }

    @Test
    void an_inactive_user_is_refused() {
        assertThatThrownBy(() -> service.authenticate("gone@example.com")).isInstanceOf(AccountInactiveException.class);
    }

    @Test
    void long_input_is_never_looked_up() {
        AuthenticationService guarded = new AuthenticationService(email -> {
            throw new AssertionError("looked up " + email.length() + " characters");
        });

        assertThatThrownBy(() -> guarded.authenticate("x".repeat(321))).isInstanceOf(AuthenticationRequiredException.class);
    }
}
