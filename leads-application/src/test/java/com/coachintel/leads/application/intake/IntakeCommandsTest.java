package com.coachintel.leads.application.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachintel.leads.domain.ConsentChannel;
import com.coachintel.leads.domain.ConsentEntry;
import com.coachintel.leads.domain.ConsentField;
import com.coachintel.leads.domain.ConsentStatus;
import com.coachintel.leads.domain.LeadField;
import com.coachintel.leads.domain.NewLead;
import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.PhoneNumber;
import com.coachintel.leads.domain.Tag;
import com.coachintel.leads.domain.ValidationException;
import com.coachintel.leads.application.TestPhones;
import com.coachintel.leads.domain.port.PhoneNumberParser;
import com.coachintel.leads.domain.user.Caller;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The intake commands' rules, without storage: each command validates itself and names every bad field. */
class IntakeCommandsTest {

    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    static final OrgId ORG = new OrgId(UUID.randomUUID());
    static final Caller COACH = new Caller(ORG, "coach@example.com");
    static final PhoneNumberParser PHONES = TestPhones.US;

    static CreateLeadCommand create(String email) {
        return new CreateLeadCommand(email, null, null, null, null, null, null, null, null, null, Map.of());
    }

    @Test
    void a_valid_create_normalises_every_field_and_starts_in_waitlist() {
        CreateLeadCommand command = new CreateLeadCommand(" ada@example.com ", " Ada ", "", "(415) 555-0100",
                List.of(" VIP ", "vip", "Webinar"), " referral ", "google", " ", null, "Met at the fair",
                Map.of(ConsentChannel.EMAIL, new CreateLeadCommand.InitialConsent("granted", "fair", "v2")));

        NewLead lead = command.validate(COACH, PHONES, NOW);

        assertThat(lead.org()).isEqualTo(ORG);
        assertThat(lead.email().value()).isEqualTo("ada@example.com");
        assertThat(lead.profile().firstName()).isEqualTo("Ada");
        assertThat(lead.profile().lastName()).isNull();
        assertThat(lead.profile().phone()).isEqualTo(new PhoneNumber("+14155550100"));
        assertThat(lead.profile().source()).isEqualTo("referral");
        assertThat(lead.profile().utmMedium()).isNull();
        assertThat(lead.tags()).extracting(Tag::value).containsExactly("vip", "webinar");
        assertThat(lead.notes()).hasValueSatisfying(notes -> assertThat(notes.text()).isEqualTo("Met at the fair"));
        assertThat(lead.consents()).containsExactly(new ConsentEntry(ConsentChannel.EMAIL, ConsentStatus.GRANTED, NOW, "fair",
                "v2", null, null, "coach@example.com"));
        assertThat(lead.createdBy()).isEqualTo("coach@example.com");
        assertThat(NewLead.INITIAL_STATUS.wireName()).isEqualTo("waitlist");
    }

    @Test
    void every_bad_field_of_a_create_is_named_at_once_by_its_domain_identifier() {
        CreateLeadCommand command = new CreateLeadCommand("not-an-email", "x".repeat(101), "Love\u0000lace", "12",
                Arrays.asList("ok", "no;semicolons", null), "s".repeat(201), "u\tm", null, null, "n".repeat(10_001),
                Map.of(ConsentChannel.EMAIL, new CreateLeadCommand.InitialConsent("maybe", null, "v".repeat(201)),
                        ConsentChannel.SMS, new CreateLeadCommand.InitialConsent(null, null, null)));

        assertThatThrownBy(() -> command.validate(COACH, PHONES, NOW))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations()).extracting(ValidationException.Violation::field).containsExactlyInAnyOrder(
                            "email", "firstName", "lastName", "phone", "tags[1]", "tags[2]", "source", "utmSource", "notes",
                            "consents.email.status", "consents.email.textVersion", "consents.sms.status");
                    assertThat(e.violations()).allSatisfy(v -> assertThat(v.subject()).isNotNull());
                    assertThat(e.violations()).filteredOn(v -> v.field().equals("consents.email.textVersion"))
                            .extracting(ValidationException.Violation::subject).containsExactly(ConsentField.TEXT_VERSION);
                    assertThat(e.violations()).filteredOn(v -> v.field().equals("tags[1]"))
                            .extracting(ValidationException.Violation::subject).containsExactly(LeadField.TAGS);
                });
        assertThatThrownBy(() -> create(null).validate(COACH, PHONES, NOW)).hasMessageContaining("email: is required");
    }

    @Test
    void a_capture_defaults_its_source_and_turns_each_ticked_box_into_a_granted_entry_with_proof() {
        CaptureLeadCommand command = new CaptureLeadCommand("Eve@Example.com", "Eve", null, "+44 20 7946 0958", null,
                "newsletter", null, null, "terms-3", true, false, "203.0.113.7", "Mozilla/5.0\u0007 (X11)");

        NewLead lead = command.validate(ORG, PHONES, NOW);

        assertThat(lead.profile().source()).isEqualTo(CaptureLeadCommand.DEFAULT_SOURCE);
        assertThat(lead.createdBy()).isEqualTo(CaptureLeadCommand.RECORDED_BY);
        assertThat(lead.consents()).containsExactly(new ConsentEntry(ConsentChannel.EMAIL, ConsentStatus.GRANTED, NOW,
                "waitlist-web", "terms-3", "203.0.113.7", "Mozilla/5.0 (X11)", "public-capture"));

        NewLead both = new CaptureLeadCommand("eve@example.com", null, null, null, "landing", null, null, null, null, true,
                true, null, null).validate(ORG, PHONES, NOW);
        assertThat(both.consents()).extracting(ConsentEntry::channel).containsExactly(ConsentChannel.EMAIL, ConsentChannel.SMS);
        assertThat(both.consents()).allSatisfy(entry -> {
            assertThat(entry.status()).isEqualTo(ConsentStatus.GRANTED);
            assertThat(entry.source()).isEqualTo("landing");
        });
        assertThat(new CaptureLeadCommand("eve@example.com", null, null, null, null, null, null, null, null, false, false,
                null, null).validate(ORG, PHONES, NOW).consents()).isEmpty();
    }

    @Test
    void a_capture_names_its_own_consent_version_field() {
        CaptureLeadCommand command = new CaptureLeadCommand("eve@example.com", null, null, null, null, null, null, null,
                "v".repeat(201), true, false, null, null);
        assertThatThrownBy(() -> command.validate(ORG, PHONES, NOW)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(ValidationException.Violation::field)
                        .containsExactly("consentVersion"));
    }

    @Test
    void a_user_agent_kept_as_proof_is_cut_to_512_characters() {
        NewLead lead = new CaptureLeadCommand("eve@example.com", null, null, null, null, null, null, null, null, true, false,
                null, "A".repeat(2000)).validate(ORG, PHONES, NOW);
        assertThat(lead.consents().get(0).userAgent()).hasSize(ConsentEntry.MAX_USER_AGENT_LENGTH);
    }

    @Test
    void a_recorded_consent_defaults_to_now_and_is_never_in_the_future() {
        ConsentEntry entry = new RecordConsentCommand("sms", "revoked", " phone-call ", null, null).validate(COACH, NOW);
        assertThat(entry).isEqualTo(new ConsentEntry(ConsentChannel.SMS, ConsentStatus.REVOKED, NOW, "phone-call", null,
                null, null, "coach@example.com"));
        Instant yesterday = NOW.minusSeconds(86_400);
        assertThat(new RecordConsentCommand("email", "granted", null, "v1", yesterday).validate(COACH, NOW).capturedAt())
                .isEqualTo(yesterday);

        assertThatThrownBy(() -> new RecordConsentCommand("fax", "maybe", null, null, NOW.plusSeconds(1)).validate(COACH, NOW))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(ValidationException.Violation::field)
                        .containsExactlyInAnyOrder("channel", "capturedAt", "status"));
    }
}
