package com.coachintel.leads.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachintel.leads.domain.ConsentChannel;
import com.coachintel.leads.domain.ConsentEntry;
import com.coachintel.leads.domain.ConsentStatus;
import com.coachintel.leads.domain.DuplicateLeadException;
import com.coachintel.leads.domain.EmailAddress;
import com.coachintel.leads.domain.LeadField;
import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.LeadProfile;
import com.coachintel.leads.domain.NewLead;
import com.coachintel.leads.domain.Notes;
import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.PhoneNumber;
import com.coachintel.leads.domain.Tag;
import com.coachintel.leads.domain.port.LeadIntake;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Creating and capturing leads on real PostgreSQL: one transaction each, unique emails under concurrency, exact counters. */
class JdbiLeadIntakeTest {

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);
    static TestDatabase db;
    static UUID org;
    static UUID otherOrg;
    static LeadIntake intake;

    @BeforeAll
    static void open() {
        db = TestPostgres.freshDatabase();
        org = LeadRows.insertOrg(db, "Acme");
        otherOrg = LeadRows.insertOrg(db, "Other");
        intake = new PostgresPersistence(db.dataSource()).leadIntake();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    static NewLead lead(UUID orgId, String email, LeadProfile profile, List<ConsentEntry> consents, String by) {
        return new NewLead(new OrgId(orgId), new EmailAddress(email), profile, List.of(new Tag("vip"), new Tag("webinar")),
                Optional.of(new Notes("Met at the fair")), consents, by, NOW);
    }

    static ConsentEntry grant(ConsentChannel channel, String by) {
        return new ConsentEntry(channel, ConsentStatus.GRANTED, NOW, "waitlist-web", "v3", "203.0.113.7", "Mozilla/5.0", by);
    }

    @Test
    void create_writes_the_lead_its_history_and_its_consents_in_one_go() {
        LeadProfile profile = new LeadProfile("Ada", "Lovelace", new PhoneNumber("+14155550100"), "fair", "g", "cpc", "spring");

        LeadId id = intake.create(lead(org, "ada@example.com", profile, List.of(grant(ConsentChannel.EMAIL, "coach@acme.test")),
                "coach@acme.test"));

        Map<String, Object> row = db.rows("SELECT * FROM leads WHERE id = ?", id.value()).get(0);
        assertThat(row).containsEntry("status", "waitlist").containsEntry("email", "ada@example.com")
                .containsEntry("first_name", "Ada").containsEntry("phone", "+14155550100").containsEntry("source", "fair")
                .containsEntry("utm_campaign", "spring").containsEntry("notes", "Met at the fair")
                .containsEntry("notes_updated_by", "coach@acme.test").containsEntry("version", 1L);
        assertThat(db.scalar(String.class, "SELECT array_to_string(tags, ',') FROM leads WHERE id = ?", id.value()))
                .isEqualTo("vip,webinar");
        assertThat(db.rows("SELECT field, old_value::text AS old, new_value::text AS new, changed_by FROM lead_field_changes"
                + " WHERE lead_id = ? ORDER BY id", id.value()))
                .extracting(r -> r.get("field") + " " + r.get("old") + " -> " + r.get("new") + " by " + r.get("changed_by"))
                .containsExactlyInAnyOrder("created null -> \"fair\" by coach@acme.test",
                        "consent_email null -> \"granted\" by coach@acme.test");
        assertThat(db.rows("SELECT channel, granted, consent_version, host(ip) AS ip, user_agent, recorded_by"
                + " FROM lead_consents WHERE lead_id = ?", id.value())).containsExactly(Map.of("channel", "email",
                "granted", true, "consent_version", "v3", "ip", "203.0.113.7", "user_agent", "Mozilla/5.0",
                "recorded_by", "coach@acme.test"));
        LeadCountersTest.assertCountersMatchCountingIn(db);
    }

    @Test
    void a_second_create_of_an_email_in_any_case_names_the_existing_lead_and_writes_nothing() {
        LeadId first = intake.create(lead(org, "Grace@Example.com", LeadProfile.empty(), List.of(), "coach@acme.test"));
        long leads = db.scalar(Long.class, "SELECT count(*) FROM leads");
        long history = db.scalar(Long.class, "SELECT count(*) FROM lead_field_changes");

        assertThatThrownBy(() -> intake.create(lead(org, "grace@EXAMPLE.com", LeadProfile.empty(),
                List.of(grant(ConsentChannel.SMS, "coach@acme.test")), "coach@acme.test")))
                .isInstanceOfSatisfying(DuplicateLeadException.class, e -> assertThat(e.existing()).isEqualTo(first));
        assertThat(db.scalar(Long.class, "SELECT count(*) FROM leads")).isEqualTo(leads);
        assertThat(db.scalar(Long.class, "SELECT count(*) FROM lead_field_changes")).isEqualTo(history);
        assertThat(db.scalar(Long.class, "SELECT count(*) FROM lead_consents WHERE lead_id = ?", first.value())).isZero();

        // Another org may have the same email.
        assertThat(intake.create(lead(otherOrg, "grace@example.com", LeadProfile.empty(), List.of(), "x@other.test")))
                .isNotEqualTo(first);
    }

    @Test
    void twenty_concurrent_creates_of_one_email_make_one_lead_and_nineteen_duplicates() throws Exception {
        List<Object> outcomes = Concurrently.<Object>run(20, () -> {
            try {
                return intake.create(lead(org, "race@example.com", LeadProfile.empty(), List.of(), "coach@acme.test"));
            } catch (DuplicateLeadException e) {
                return e;
            }
        });

        List<LeadId> created = outcomes.stream().filter(LeadId.class::isInstance).map(LeadId.class::cast).toList();
        assertThat(created).hasSize(1);
        assertThat(outcomes).filteredOn(DuplicateLeadException.class::isInstance).hasSize(19)
                .allSatisfy(e -> assertThat(((DuplicateLeadException) e).existing()).isEqualTo(created.get(0)));
        assertThat(db.scalar(Long.class, "SELECT count(*) FROM leads WHERE lower(email) = 'race@example.com'")).isEqualTo(1);
        LeadCountersTest.assertCountersMatchCountingIn(db);
    }

    @Test
    void a_capture_of_a_known_email_fills_only_empty_fields_records_it_and_appends_its_consents() {
        LeadId id = intake.create(lead(org, "eve@example.com", new LeadProfile("Eve", null, null, "referral", null, null, null),
                List.of(), "coach@acme.test"));
        NewLead offered = new NewLead(new OrgId(org), new EmailAddress("EVE@example.com"),
                new LeadProfile("Mallory", "Smith", new PhoneNumber("+442079460958"), "waitlist-web", "ads", null, null),
                List.of(), Optional.empty(), List.of(grant(ConsentChannel.EMAIL, "public-capture"),
                        grant(ConsentChannel.SMS, "public-capture")), "public-capture", NOW.plusSeconds(1));

        LeadIntake.CaptureOutcome outcome = intake.capture(offered);

        assertThat(outcome).isEqualTo(new LeadIntake.CaptureOutcome(id, false,
                List.of(LeadField.LAST_NAME, LeadField.PHONE, LeadField.UTM_SOURCE)));
        assertThat(db.rows("SELECT first_name, last_name, phone, source, utm_source, version FROM leads WHERE id = ?",
                id.value())).containsExactly(Map.of("first_name", "Eve", "last_name", "Smith", "phone", "+442079460958",
                "source", "referral", "utm_source", "ads", "version", 2L));
        assertThat(db.rows("SELECT field, new_value::text AS new FROM lead_field_changes WHERE lead_id = ? ORDER BY id",
                id.value())).extracting(r -> r.get("field") + "=" + r.get("new")).containsExactly("created=\"referral\"",
                "captured=[\"last_name\", \"phone\", \"utm_source\"]", "consent_email=\"granted\"", "consent_sms=\"granted\"");
        assertThat(db.scalar(Long.class, "SELECT count(*) FROM lead_consents WHERE lead_id = ?", id.value())).isEqualTo(2);
    }

    @Test
    void a_capture_of_a_new_email_creates_a_waitlist_lead() {
        LeadIntake.CaptureOutcome outcome = intake.capture(lead(org, "new@example.com",
                new LeadProfile(null, null, null, "waitlist-web", null, null, null), List.of(), "public-capture"));

        assertThat(outcome.created()).isTrue();
        assertThat(db.scalar(String.class, "SELECT status FROM leads WHERE id = ?", outcome.lead().value())).isEqualTo("waitlist");
    }

    @Test
    void twenty_concurrent_captures_of_one_new_email_make_one_lead_with_every_consent() throws Exception {
        List<Object> outcomes = Concurrently.<Object>run(20, () -> intake.capture(lead(org, "crowd@example.com", LeadProfile.empty(),
                List.of(grant(ConsentChannel.EMAIL, "public-capture")), "public-capture")));

        assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(LeadIntake.CaptureOutcome.class));
        assertThat(outcomes.stream().map(o -> ((LeadIntake.CaptureOutcome) o).lead()).distinct()).hasSize(1);
        assertThat(outcomes.stream().filter(o -> ((LeadIntake.CaptureOutcome) o).created())).hasSize(1);
        UUID id = ((LeadIntake.CaptureOutcome) outcomes.get(0)).lead().value();
        assertThat(db.scalar(Long.class, "SELECT count(*) FROM leads WHERE lower(email) = 'crowd@example.com'")).isEqualTo(1);
        assertThat(db.scalar(Long.class, "SELECT count(*) FROM lead_consents WHERE lead_id = ?", id)).isEqualTo(20);
        assertThat(db.scalar(Long.class, "SELECT version FROM leads WHERE id = ?", id)).isEqualTo(20);
        LeadCountersTest.assertCountersMatchCountingIn(db);
    }

}
