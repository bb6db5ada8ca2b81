package com.coachintel.leads.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The values a lead comes in with: email, text fields, the profile a capture completes, the consent ledger's order. */
class IntakeValuesTest {

    @Test
    void an_email_is_trimmed_and_keeps_its_case() {
        assertThat(EmailAddress.parse("  Ada.Lovelace+w@Example.co.uk \n", LeadField.EMAIL).value())
                .isEqualTo("Ada.Lovelace+w@Example.co.uk");
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
        "ada.example.com|exactly one '@'",
        "ada@@example.com|exactly one '@'",
        "a@b@example.com|exactly one '@'",
        "@example.com|a name before the '@'",
        "ada@example|dotted domain",
        "ada@.example.com|dotted domain",
        "ada@example.com.|dotted domain",
        "ada@example..com|dotted domain",
        "ada lovelace@example.com|spaces or control characters",
        "'   '|must not be blank",
    })
    void a_bad_email_names_what_is_wrong(String raw, String message) {
        assertThatThrownBy(() -> EmailAddress.parse(raw, LeadField.EMAIL))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations()).singleElement().satisfies(v -> {
                        assertThat(v.field()).isEqualTo("email");
                        assertThat(v.subject()).isEqualTo(LeadField.EMAIL);
                        assertThat(v.message()).contains(message);
                    });
                });
    }

    @Test
    void an_email_has_at_most_254_characters_and_no_control_characters() {
        String local = "a".repeat(64);
        String longest = local + "@" + "b".repeat(185) + ".com"; // 254
        assertThat(longest).hasSize(254);
        assertThat(EmailAddress.parse(longest, LeadField.EMAIL).value()).isEqualTo(longest);
        assertThatThrownBy(() -> EmailAddress.parse("x" + longest, LeadField.EMAIL)).hasMessageContaining("at most 254");
        assertThatThrownBy(() -> EmailAddress.parse("ada\u0000@example.com", LeadField.EMAIL))
                .hasMessageContaining("control characters");
        assertThatThrownBy(() -> EmailAddress.parse(null, LeadField.EMAIL)).hasMessageContaining("is required");
    }

    @Test
    void text_is_trimmed_blank_is_none_and_length_counts_characters_not_chars() {
        assertThat(TextInput.optional("  Ada  ", LeadField.FIRST_NAME, 100)).isEqualTo("Ada");
        assertThat(TextInput.optional("   ", LeadField.FIRST_NAME, 100)).isNull();
        assertThat(TextInput.optional(null, LeadField.FIRST_NAME, 100)).isNull();
        String hundredEmoji = "😀".repeat(100); // 200 chars, 100 code points
        assertThat(TextInput.optional(hundredEmoji, LeadField.FIRST_NAME, 100)).isEqualTo(hundredEmoji);
        assertThatThrownBy(() -> TextInput.optional("x".repeat(101), LeadField.FIRST_NAME, 100))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations().get(0))
                        .isEqualTo(new ValidationException.Violation("firstName", "must be at most 100 characters, got 101",
                                LeadField.FIRST_NAME)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ada\u0000", "Ada\tLovelace", "Ada\nLovelace", "Ada\u007F", "Ada\u0085"})
    void text_fields_refuse_control_characters(String raw) {
        assertThatThrownBy(() -> TextInput.optional(raw, LeadField.UTM_SOURCE, 200))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations().get(0).field()).isEqualTo("utmSource");
                    assertThat(e.violations().get(0).message()).contains("control characters");
                });
    }

    @Test
    void notes_may_have_line_breaks_and_tabs_but_no_other_control_character() {
        assertThat(Notes.parse("Line one\n\tLine two\r\n", "notes")).isPresent();
        assertThatThrownBy(() -> Notes.parse("Nul\u0000 here", "notes")).hasMessageContaining("control characters");
    }

    @Test
    void a_capture_fills_only_empty_fields_and_says_which() {
        LeadProfile coachEdited = new LeadProfile("Ada", null, null, "referral", null, null, "spring");
        LeadProfile offered = new LeadProfile("Eve", "Lovelace", new PhoneNumber("+14155550100"), "waitlist-web", "google",
                null, "autumn");

        LeadProfile.Fill fill = coachEdited.fillBlanksFrom(offered);

        assertThat(fill.after()).isEqualTo(new LeadProfile("Ada", "Lovelace", new PhoneNumber("+14155550100"), "referral",
                "google", null, "spring"));
        assertThat(fill.filled()).containsExactly(LeadField.LAST_NAME, LeadField.PHONE, LeadField.UTM_SOURCE);
        assertThat(fill.after().fillBlanksFrom(offered).filled()).isEmpty();
    }

    @Test
    void the_consent_in_force_is_the_latest_captured_and_of_a_tie_the_later_recorded() {
        Instant early = Instant.parse("2026-01-01T00:00:00Z");
        Instant late = Instant.parse("2026-02-01T00:00:00Z");
        RecordedConsent lateGrant = recorded(1, ConsentStatus.GRANTED, late);
        RecordedConsent backdatedRevoke = recorded(2, ConsentStatus.REVOKED, early); // recorded later, captured earlier
        RecordedConsent tieRevoke = recorded(3, ConsentStatus.REVOKED, late); // same instant, recorded later

        List<RecordedConsent> ledger = new ArrayList<>(List.of(lateGrant, backdatedRevoke));
        ledger.sort(RecordedConsent.IN_FORCE_FIRST);
        assertThat(ledger.get(0)).isEqualTo(lateGrant);

        ledger.add(tieRevoke);
        ledger.sort(RecordedConsent.IN_FORCE_FIRST);
        assertThat(ledger).containsExactly(tieRevoke, lateGrant, backdatedRevoke);
        assertThat(ledger.get(0).asConsent().granted()).isFalse();
    }

    @Test
    void a_new_lead_takes_at_most_one_consent_per_channel() {
        ConsentEntry grant = new ConsentEntry(ConsentChannel.EMAIL, ConsentStatus.GRANTED, Instant.EPOCH, null, null, null,
                null, "coach@example.com");
        assertThatThrownBy(() -> new NewLead(new OrgId(java.util.UUID.randomUUID()), new EmailAddress("a@b.co"),
                LeadProfile.empty(), List.of(), java.util.Optional.empty(), List.of(grant, grant), "coach@example.com",
                Instant.EPOCH)).hasMessageContaining("one initial consent entry per channel");
        assertThat(NewLead.INITIAL_STATUS).isEqualTo(LeadStatus.WAITLIST);
    }

    @Test
    void violations_of_a_command_carry_their_subject_and_can_be_renamed() {
        Violations violations = new Violations();
        violations.collect(ConsentField.TEXT_VERSION, "consents.email.",
                () -> TextInput.optional("v\u0000", ConsentField.TEXT_VERSION, 200));
        violations.add(LeadField.FIRST_NAME, "", "is odd");
        ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class,
                violations::throwIfAny);

        assertThat(e.violations()).extracting(ValidationException.Violation::field)
                .containsExactly("consents.email.textVersion", "firstName");
        assertThat(e.violations()).extracting(ValidationException.Violation::subject)
                .containsExactly(ConsentField.TEXT_VERSION, LeadField.FIRST_NAME);
        assertThat(e.renamed(v -> v.field().toUpperCase()).violations())
                .extracting(ValidationException.Violation::field).containsExactly("CONSENTS.EMAIL.TEXTVERSION", "FIRSTNAME");
    }

    private static RecordedConsent recorded(long id, ConsentStatus status, Instant capturedAt) {
        return new RecordedConsent(id, new ConsentEntry(ConsentChannel.EMAIL, status, capturedAt, null, null, null, null,
                "coach@example.com"), Instant.parse("2026-03-01T00:00:00Z"));
    }
}
