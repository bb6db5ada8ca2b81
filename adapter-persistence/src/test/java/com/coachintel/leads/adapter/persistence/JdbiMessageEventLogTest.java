package com.coachintel.leads.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachintel.leads.domain.ConsentStatus;
import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.MessageChannel;
import com.coachintel.leads.domain.MessageEventType;
import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.message.Addressee;
import com.coachintel.leads.domain.message.ProviderReport;
import com.coachintel.leads.domain.port.MessageEventLog;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Providers' reports on real PostgreSQL: exactly once, effects in the event's transaction. */
class JdbiMessageEventLogTest {

    static TestDatabase db;
    static MessageEventLog log;
    static UUID acme;
    static UUID other;

    @BeforeAll
    static void open() {
        db = TestPostgres.freshDatabase();
        log = new PostgresPersistence(db.dataSource()).messageEventLog();
        acme = LeadRows.insertOrg(db, "Acme");
        other = LeadRows.insertOrg(db, "Other");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    static ProviderReport report(String key, MessageEventType type, String at, boolean contacted,
            Optional<ProviderReport.ConsentChange> consent) {
        return new ProviderReport("postmark", key, MessageChannel.EMAIL, type, Instant.parse(at), "x@example.com",
                Optional.empty(), "msg-1", "{\"RecordType\":\"Delivery\"}", ProviderReport.Scope.MESSAGE, consent, contacted);
    }

    static Addressee addressee(UUID org, UUID lead) {
        return log.byId(new LeadId(lead)).filter(a -> a.org().equals(new OrgId(org))).orElseThrow();
    }

    @Test
    void finds_leads_by_address_across_orgs_case_insensitively() {
        UUID atAcme = LeadRows.aLead().withEmail("Shared@Example.com").withPhone("+14155550199").insert(db, acme);
        UUID atOther = LeadRows.aLead().withEmail("shared@example.com").withPhone("+14155550199").insert(db, other);

        assertThat(log.byEmail("shared@example.com")).extracting(a -> a.lead().value()).containsExactlyInAnyOrder(atAcme, atOther);
        assertThat(log.byPhone("+14155550199")).hasSize(2);
        assertThat(log.byId(new LeadId(atOther))).map(Addressee::org).contains(new OrgId(other));
        assertThat(log.byId(new LeadId(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void a_redelivery_writes_nothing_and_last_contacted_never_moves_back() {
        UUID lead = LeadRows.aLead().insert(db, acme);
        Addressee to = addressee(acme, lead);
        long version = db.scalar(Long.class, "SELECT version FROM leads WHERE id = ?", lead);

        assertThat(log.record(to, report("d-2", MessageEventType.DELIVERED, "2026-03-02T10:00:00Z", true, Optional.empty()))).isTrue();
        assertThat(log.record(to, report("d-2", MessageEventType.DELIVERED, "2026-03-02T10:00:00Z", true, Optional.empty()))).isFalse();
        assertThat(log.record(to, report("d-1", MessageEventType.DELIVERED, "2026-03-01T10:00:00Z", true, Optional.empty()))).isTrue();

        assertThat(db.scalar(Long.class, "SELECT count(*) FROM message_events WHERE lead_id = ?", lead)).isEqualTo(2);
        assertThat(db.scalar(String.class, "SELECT last_contacted_at::text FROM leads WHERE id = ?", lead))
                .isEqualTo("2026-03-02 10:00:00+00");
        assertThat(db.scalar(Long.class, "SELECT version FROM leads WHERE id = ?", lead)).isEqualTo(version + 1);
        assertThat(db.scalar(String.class, "SELECT metadata->>'RecordType' FROM message_events WHERE lead_id = ? LIMIT 1", lead))
                .isEqualTo("Delivery");
    }

    @Test
    void concurrent_duplicates_record_one_event_and_one_consent_entry() throws Exception {
        UUID lead = LeadRows.aLead().insert(db, acme);
        Addressee to = addressee(acme, lead);
        ProviderReport bounce = report("b-1", MessageEventType.BOUNCED, "2026-03-03T10:00:00Z", false,
                Optional.of(new ProviderReport.ConsentChange(ConsentStatus.REVOKED, "HardBounce")));

        List<Boolean> fresh = Concurrently.run(8, () -> log.record(to, bounce));

        assertThat(fresh).containsOnlyOnce(true);
        assertThat(db.scalar(Long.class, "SELECT count(*) FROM message_events WHERE lead_id = ?", lead)).isEqualTo(1);
        assertThat(db.rows("SELECT granted, source, consent_version, recorded_by FROM lead_consents WHERE lead_id = ?", lead))
                .singleElement().satisfies(row -> {
                    assertThat(row).containsEntry("granted", false).containsEntry("source", "postmark")
                            .containsEntry("consent_version", "HardBounce").containsEntry("recorded_by", "postmark");
                });
    }

    @Test
    void a_second_revocation_while_revoked_adds_the_event_but_no_second_consent_entry() {
        UUID lead = LeadRows.aLead().insert(db, acme);
        Addressee to = addressee(acme, lead);
        var revoke = Optional.of(new ProviderReport.ConsentChange(ConsentStatus.REVOKED, "SpamComplaint"));

        log.record(to, report("c-1", MessageEventType.COMPLAINED, "2026-03-04T10:00:00Z", false, revoke));
        log.record(to, report("c-2", MessageEventType.COMPLAINED, "2026-03-05T10:00:00Z", false, revoke));

        assertThat(db.scalar(Long.class, "SELECT count(*) FROM message_events WHERE lead_id = ?", lead)).isEqualTo(2);
        assertThat(db.scalar(Long.class, "SELECT count(*) FROM lead_consents WHERE lead_id = ?", lead)).isEqualTo(1);
    }

    @Test
    void a_lead_that_is_gone_or_of_another_org_records_nothing() {
        UUID lead = LeadRows.aLead().insert(db, acme);
        Addressee wrongOrg = new Addressee(new OrgId(other), new LeadId(lead), "x@example.com", null);

        assertThat(log.record(wrongOrg, report("g-1", MessageEventType.OPENED, "2026-03-06T10:00:00Z", false, Optional.empty())))
                .isFalse();
        assertThat(db.scalar(Long.class, "SELECT count(*) FROM message_events WHERE lead_id = ?", lead)).isZero();
    }
}
