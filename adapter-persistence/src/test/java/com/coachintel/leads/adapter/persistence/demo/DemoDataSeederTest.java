package com.coachintel.leads.adapter.persistence.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.coachintel.leads.adapter.persistence.PostgresPersistence;
import com.coachintel.leads.adapter.persistence.TestDatabase;
import com.coachintel.leads.adapter.persistence.TestPostgres;
import com.coachintel.leads.domain.LeadStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoDataSeederTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static TestDatabase db;
    static DemoDataSeeder.SeedReport firstRun;

    @BeforeAll
    static void seed() {
        db = TestPostgres.freshDatabase();
        firstRun = seeder().seedIfAbsent();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    static DemoDataSeeder seeder() {
        return new PostgresPersistence(db.dataSource()).demoDataSeeder(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void seeds_both_demo_orgs_with_their_users_and_leads() {
        assertThat(firstRun.seededOrgs()).containsExactly("Demo Coaching", "Other Coaching");
        assertThat(firstRun.leads()).isEqualTo(1050);
        assertThat(leadsOf("demo@coachintel.test")).isEqualTo(1000);
        assertThat(leadsOf("other@coachintel.test")).isEqualTo(50);
        assertThat(db.scalar(Boolean.class, "SELECT active FROM users WHERE email = 'demo@coachintel.test'")).isTrue();
        assertThat(db.scalar(Boolean.class, "SELECT active FROM users WHERE email = 'former-demo@coachintel.test'")).isFalse();
    }

    @Test
    void seeding_again_changes_nothing() {
        DemoDataSeeder.SeedReport again = seeder().seedIfAbsent();

        assertThat(again.seededOrgs()).isEmpty();
        assertThat(again.leads()).isZero();
        assertThat(db.scalar(Integer.class, "SELECT count(*) FROM leads")).isEqualTo(1050);
        assertThat(db.scalar(Integer.class, "SELECT count(*) FROM orgs")).isEqualTo(2);
    }

    @Test
    void concurrent_seeders_seed_once() throws Exception {
        try (TestDatabase other = TestPostgres.freshDatabase()) {
            DemoDataSeeder seeder = new PostgresPersistence(other.dataSource()).demoDataSeeder(Clock.systemUTC());
            var first = CompletableFuture.supplyAsync(seeder::seedIfAbsent);
            var second = CompletableFuture.supplyAsync(seeder::seedIfAbsent);

            assertThat(first.get().leads() + second.get().leads()).isEqualTo(1050);
            assertThat(other.scalar(Integer.class, "SELECT count(*) FROM leads")).isEqualTo(1050);
        }
    }

    @Test
    void statuses_follow_the_spec_distribution() {
        Map<String, Long> byStatus = db.jdbi().withHandle(h -> h.select("""
                SELECT status, count(*) AS n FROM leads JOIN orgs o ON o.id = leads.org_id
                WHERE o.name = 'Demo Coaching' GROUP BY status""")
                .reduceRows(new java.util.HashMap<String, Long>(), (map, row) -> {
                    map.put(row.getColumn("status", String.class), row.getColumn("n", Long.class));
                    return map;
                }));

        assertThat(byStatus.keySet()).containsExactlyInAnyOrder("waitlist", "invited", "converted", "lost");
        assertThat(byStatus.get("waitlist") / 1000.0).isCloseTo(0.60, within(0.05));
        assertThat(byStatus.get("invited") / 1000.0).isCloseTo(0.25, within(0.05));
        assertThat(byStatus.get("converted") / 1000.0).isCloseTo(0.10, within(0.04));
        assertThat(byStatus.get("lost") / 1000.0).isCloseTo(0.05, within(0.03));
    }

    @Test
    void leads_carry_tags_utm_fields_valid_phones_and_non_ascii_names() {
        assertThat(db.scalar(Integer.class, "SELECT count(*) FROM leads WHERE cardinality(tags) > 0")).isGreaterThan(500);
        assertThat(db.scalar(Integer.class, "SELECT count(*) FROM leads WHERE utm_campaign IS NOT NULL")).isGreaterThan(400);
        assertThat(db.scalar(Integer.class, "SELECT count(*) FROM leads WHERE phone IS NOT NULL")).isGreaterThan(500);
        assertThat(db.scalar(Integer.class, "SELECT count(*) FROM leads WHERE last_name ~ '[^\\x00-\\x7F]'")).isPositive();
        assertThat(db.scalar(Integer.class, "SELECT count(*) FROM leads WHERE first_name IS NULL")).isPositive();
        assertThat(db.scalar(Integer.class, "SELECT count(*) FROM leads WHERE email <> lower(email)")).isPositive();
        assertThat(db.scalar(Integer.class, "SELECT count(*) FROM leads, unnest(tags) AS t WHERE t <> lower(t)")).isZero();
    }

    @Test
    void every_lead_has_email_consent_and_events_and_phones_get_sms_consent() {
        assertThat(db.scalar(Integer.class, """
                SELECT count(*) FROM leads l WHERE NOT EXISTS
                  (SELECT 1 FROM lead_consents c WHERE c.lead_id = l.id AND c.channel = 'email')""")).isZero();
        assertThat(db.scalar(Integer.class, "SELECT count(DISTINCT lead_id) FROM lead_consents WHERE channel = 'sms'"))
                .isGreaterThan(200);
        assertThat(db.scalar(Integer.class, "SELECT count(*) FROM lead_consents WHERE NOT granted")).isPositive();
        assertThat(db.scalar(Integer.class, """
                SELECT count(*) FROM leads l WHERE NOT EXISTS (SELECT 1 FROM message_events e WHERE e.lead_id = l.id)"""))
                .isZero();
        assertThat(db.scalar(Integer.class, "SELECT count(DISTINCT type) FROM message_events")).isGreaterThanOrEqualTo(7);
    }

    @Test
    void nothing_is_dated_in_the_future_and_contact_dates_match_the_events() {
        assertThat(db.scalar(Integer.class, "SELECT count(*) FROM message_events WHERE occurred_at > ?", NOW.atOffset(ZoneOffset.UTC)))
                .isZero();
        assertThat(db.scalar(Integer.class, "SELECT count(*) FROM leads WHERE updated_at < created_at")).isZero();
        assertThat(db.scalar(Integer.class, """
                SELECT count(*) FROM leads l
                WHERE last_contacted_at IS DISTINCT FROM
                      (SELECT max(occurred_at) FROM message_events e WHERE e.lead_id = l.id AND e.type = 'sent')""")).isZero();
    }

    @Test
    void status_history_walks_the_lifecycle_to_the_current_status() {
        assertThat(db.scalar(Integer.class, """
                SELECT count(*) FROM leads l
                WHERE l.status <> 'waitlist'
                  AND l.status IS DISTINCT FROM (SELECT to_status FROM lead_status_changes s WHERE s.lead_id = l.id
                                                 ORDER BY changed_at DESC, id DESC LIMIT 1)""")).isZero();
        var moves = db.rows("SELECT DISTINCT from_status, to_status, correction FROM lead_status_changes");
        assertThat(moves).isNotEmpty().allSatisfy(move -> {
            LeadStatus from = LeadStatus.fromWireName((String) move.get("from_status")).orElseThrow();
            LeadStatus to = LeadStatus.fromWireName((String) move.get("to_status")).orElseThrow();
            assertThat(from.canMoveTo(to)).as(from + " -> " + to + " is a move the lifecycle allows").isTrue();
            assertThat(move.get("correction")).isEqualTo(false);
        });
        assertThat(db.scalar(Integer.class, """
                SELECT count(*) FROM leads l WHERE (SELECT from_status FROM lead_status_changes s WHERE s.lead_id = l.id
                                                    ORDER BY changed_at, id LIMIT 1) <> 'waitlist'""")).isZero();
    }

    private static int leadsOf(String userEmail) {
        return db.scalar(Integer.class,
                "SELECT count(*) FROM leads WHERE org_id = (SELECT org_id FROM users WHERE email = ?)", userEmail);
    }
}
