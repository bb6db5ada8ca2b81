package com.coachintel.leads.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachintel.leads.domain.ConsentChannel;
import com.coachintel.leads.domain.ConsentEntry;
import com.coachintel.leads.domain.ConsentStatus;
import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.LeadNotFoundException;
import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.RecordedConsent;
import com.coachintel.leads.domain.idempotency.IdempotencyRecords;
import com.coachintel.leads.domain.idempotency.IdempotencyScope;
import com.coachintel.leads.domain.idempotency.StoredResponse;
import com.coachintel.leads.domain.port.ConsentLedger;
import com.coachintel.leads.domain.port.OrgDirectory;
import com.coachintel.leads.domain.port.RateLimiter;
import com.coachintel.leads.domain.query.Page;
import com.coachintel.leads.domain.query.PageRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The consent ledger, the org directory, the rate limiter and idempotency keys on real PostgreSQL. */
class IntakeSupportTest {

    static TestDatabase db;
    static UUID org;
    static UUID otherOrg;
    static PostgresPersistence persistence;

    @BeforeAll
    static void open() {
        db = TestPostgres.freshDatabase();
        org = LeadRows.insertOrg(db, "Acme Coaching");
        otherOrg = LeadRows.insertOrg(db, "Other");
        persistence = new PostgresPersistence(db.dataSource());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    static ConsentEntry entry(ConsentChannel channel, ConsentStatus status, String capturedAt) {
        return new ConsentEntry(channel, status, Instant.parse(capturedAt), "phone-call", "v1", null, null, "coach@acme.test");
    }

    @Test
    void an_appended_entry_bumps_the_version_and_history_tells_the_consent_in_force_before_and_after() {
        UUID lead = LeadRows.aLead().insert(db, org);
        ConsentLedger ledger = persistence.consentLedger();

        ConsentLedger.Appended granted = ledger.append(new OrgId(org), new LeadId(lead),
                entry(ConsentChannel.EMAIL, ConsentStatus.GRANTED, "2026-02-01T10:00:00Z"));
        ConsentLedger.Appended backdated = ledger.append(new OrgId(org), new LeadId(lead),
                entry(ConsentChannel.EMAIL, ConsentStatus.REVOKED, "2026-01-01T10:00:00Z"));
        ConsentLedger.Appended revoked = ledger.append(new OrgId(org), new LeadId(lead),
                entry(ConsentChannel.EMAIL, ConsentStatus.REVOKED, "2026-02-01T10:00:00Z")); // a tie: recorded later wins

        assertThat(List.of(granted.leadVersion(), backdated.leadVersion(), revoked.leadVersion())).containsExactly(2L, 3L, 4L);
        assertThat(granted.consent().entry().source()).isEqualTo("phone-call");
        assertThat(db.rows("SELECT old_value #>> '{}' AS old, new_value #>> '{}' AS new FROM lead_field_changes"
                + " WHERE lead_id = ? AND field = 'consent_email' ORDER BY id", lead)).containsExactly(
                mapOf("old", null, "new", "granted"), mapOf("old", "granted", "new", "granted"),
                mapOf("old", "granted", "new", "revoked"));

        Page<RecordedConsent> page = ledger.list(new OrgId(org), new LeadId(lead), new PageRequest(2, 0)).orElseThrow();
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.items()).extracting(RecordedConsent::id)
                .containsExactly(revoked.consent().id(), granted.consent().id());
        assertThat(ledger.list(new OrgId(org), new LeadId(lead), new PageRequest(2, 2)).orElseThrow().items())
                .extracting(RecordedConsent::id).containsExactly(backdated.consent().id());
        // The detail shows the entry in force.
        assertThat(persistence.leadQueries().details(new OrgId(org), new LeadId(lead), 10).orElseThrow().emailConsent())
                .hasValueSatisfying(consent -> assertThat(consent.granted()).isFalse());
    }

    @Test
    void another_orgs_lead_has_no_ledger() {
        UUID lead = LeadRows.aLead().insert(db, org);
        ConsentLedger ledger = persistence.consentLedger();

        assertThatThrownBy(() -> ledger.append(new OrgId(otherOrg), new LeadId(lead),
                entry(ConsentChannel.SMS, ConsentStatus.GRANTED, "2026-02-01T10:00:00Z")))
                .isInstanceOf(LeadNotFoundException.class);
        assertThat(ledger.list(new OrgId(otherOrg), new LeadId(lead), PageRequest.first())).isEmpty();
        assertThat(db.scalar(Long.class, "SELECT count(*) FROM lead_consents WHERE lead_id = ?", lead)).isZero();
        assertThat(db.scalar(Long.class, "SELECT version FROM leads WHERE id = ?", lead)).isEqualTo(1);
    }

    @Test
    void orgs_are_found_by_id_or_exact_name() {
        OrgDirectory orgs = persistence.orgDirectory();
        assertThat(orgs.find("Acme Coaching")).hasValue(new OrgDirectory.Org(new OrgId(org), "Acme Coaching"));
        assertThat(orgs.find(org.toString())).hasValue(new OrgDirectory.Org(new OrgId(org), "Acme Coaching"));
        assertThat(orgs.find("acme coaching")).isEmpty();
        assertThat(orgs.find(UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void the_rate_limiter_allows_the_limit_per_window_and_bucket_then_says_when_to_retry() {
        RateLimiter limiter = persistence.rateLimiter();
        String bucket = "capture:" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire(bucket, 3, Duration.ofMinutes(1)).allowed()).isTrue();
        }
        RateLimiter.Decision denied = limiter.acquire(bucket, 3, Duration.ofMinutes(1));
        assertThat(denied.allowed()).isFalse();
        assertThat(denied.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
        assertThat(limiter.acquire("capture:" + UUID.randomUUID(), 3, Duration.ofMinutes(1)).allowed()).isTrue();

        // A new window starts afresh.
        String quick = "quick:" + UUID.randomUUID();
        assertThat(limiter.acquire(quick, 1, Duration.ofSeconds(1)).allowed()).isTrue();
        RateLimiter.Decision wait = limiter.acquire(quick, 1, Duration.ofSeconds(1));
        if (!wait.allowed()) { // not if the window turned between the two calls
            sleep(wait.retryAfter().plusMillis(50));
            assertThat(limiter.acquire(quick, 1, Duration.ofSeconds(1)).allowed()).isTrue();
        }
    }

    @Test
    void idempotency_keys_replay_refuse_and_release() {
        IdempotencyRecords records = persistence.idempotencyRecords();
        IdempotencyScope scope = new IdempotencyScope(new OrgId(org), "coach@acme.test", "POST /leads", UUID.randomUUID().toString());
        Duration ttl = Duration.ofHours(24);
        Duration abandon = Duration.ofMinutes(5);

        assertThat(records.claim(scope, "fp", ttl, abandon)).isInstanceOf(IdempotencyRecords.Claim.Claimed.class);
        assertThat(records.claim(scope, "fp", ttl, abandon)).isInstanceOf(IdempotencyRecords.Claim.InProgress.class);
        assertThat(records.claim(scope, "other", ttl, abandon)).isInstanceOf(IdempotencyRecords.Claim.Mismatch.class);

        byte[] answer = "201 Location: /leads/1 {\"id\":1}".getBytes(StandardCharsets.UTF_8);
        records.complete(scope, new StoredResponse(answer));
        IdempotencyRecords.Claim replay = records.claim(scope, "fp", ttl, abandon);
        assertThat(replay).isInstanceOfSatisfying(IdempotencyRecords.Claim.Replay.class,
                r -> assertThat(r.response().content()).isEqualTo(answer));
        records.release(scope); // only a running key is released: a completed one stays
        assertThat(records.claim(scope, "fp", ttl, abandon)).isInstanceOf(IdempotencyRecords.Claim.Replay.class);

        IdempotencyScope failed = new IdempotencyScope(new OrgId(org), "coach@acme.test", "POST /leads", "failed");
        records.claim(failed, "fp", ttl, abandon);
        records.release(failed);
        assertThat(records.claim(failed, "another body", ttl, abandon)).isInstanceOf(IdempotencyRecords.Claim.Claimed.class);
    }

    @Test
    void expired_and_abandoned_keys_count_as_new() {
        IdempotencyRecords records = persistence.idempotencyRecords();
        IdempotencyScope expired = new IdempotencyScope(new OrgId(org), "coach@acme.test", "POST /leads", "expired");
        records.claim(expired, "fp", Duration.ofHours(24), Duration.ofMinutes(5));
        records.complete(expired, new StoredResponse(new byte[0]));
        db.jdbi().useHandle(h -> h.execute("UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE key = 'expired'"));
        assertThat(records.claim(expired, "new body", Duration.ofHours(24), Duration.ofMinutes(5)))
                .isInstanceOf(IdempotencyRecords.Claim.Claimed.class);

        IdempotencyScope abandoned = new IdempotencyScope(new OrgId(org), "coach@acme.test", "POST /leads", "abandoned");
        records.claim(abandoned, "fp", Duration.ofHours(24), Duration.ofMinutes(5));
        db.jdbi().useHandle(h -> h.execute("UPDATE idempotency_keys SET started_at = now() - interval '6 minutes' WHERE key = 'abandoned'"));
        assertThat(records.claim(abandoned, "fp", Duration.ofHours(24), Duration.ofMinutes(5)))
                .isInstanceOf(IdempotencyRecords.Claim.Claimed.class);
    }

    private static Map<String, Object> mapOf(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
