package com.coachintel.leads.adapter.persistence;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Seeds two demo orgs: "Demo Coaching" (user {@code demo@coachintel.test}, about 1,000 leads) and
 * "Other Coaching" (user {@code other@coachintel.test}, about 50 leads), each with consents for both
 * channels, message events and status history consistent with the lifecycle.
 *
 * <p>Idempotent: an org that exists already is left alone, and concurrent seeders serialise on an
 * advisory lock, so two instances starting together seed once. The data are drawn from a fixed seed,
 * so every fresh database gets the same names, statuses and tags (timestamps follow the clock).
 */
public final class DemoDataSeeder {

    /** The demo org the README's curl examples use. */
    public static final DemoOrg DEMO = new DemoOrg("Demo Coaching", "demo@coachintel.test", 1000, 20260101L);
    /** A second org that proves isolation: its leads never show up for the demo user. */
    public static final DemoOrg OTHER = new DemoOrg("Other Coaching", "other@coachintel.test", 50, 20260202L);

    private static final long SEED_LOCK_KEY = 0x1EAD5_5EEDL;
    private static final int BATCH_SIZE = 500;

    private static final String[] FIRST_NAMES = {
        "Olivia", "Liam", "Emma", "Noah", "Ava", "Mateo", "Sophia", "Lucas", "Isabella", "Ethan", "Mia", "Aiden",
        "Amara", "Kwame", "Priya", "Arjun", "Mei", "Hiroshi", "Yuki", "Sofía", "José", "María", "Zoë", "Chloé",
        "Björn", "Søren", "Ingrid", "Fatima", "Omar", "Aisha", "Nikolai", "Anastasia", "Siobhan", "Seán", "Dmitri",
        "Léa", "Camille", "Lukas", "Hannah", "Grace", "Daniel", "Samuel", "Chen", "Wei", "Thanh", "Linh", "Kofi",
        "Ngozi", "Rafael", "Gabriela", "Tomás", "Elif", "Emre", "Ana", "Luca", "Giulia", "Jack", "Ruby", "Zara", "Jamal"
    };
    private static final String[] LAST_NAMES = {
        "Smith", "Johnson", "Williams", "Brown", "Garcia", "Martínez", "Rodríguez", "Nguyễn", "Kim", "Patel",
        "Singh", "Chen", "Wang", "Müller", "Schmidt", "Rossi", "Bianchi", "Dubois", "Lefèvre", "O'Brien", "O'Connor",
        "Smith-Jones", "van der Berg", "Andersen", "Johansson", "Kowalski", "Nowak", "Ivanova", "Okafor", "Mensah",
        "Haddad", "Khan", "Yamamoto", "Tanaka", "Sato", "Silva", "Santos", "Costa", "Fernández", "López", "Murphy",
        "Kelly", "Walsh", "Taylor", "Wilson", "Davies", "Evans", "Thompson", "Moore", "Clark", "Lewis", "Young",
        "Hernández", "Yilmaz", "Demir", "Novák", "Horvát", "Papadopoulos", "Cohen", "Levi"
    };
    private static final String[] EMAIL_DOMAINS = {"example.com", "example.org", "example.net", "mail.test", "inbox.test"};
    private static final String[] TAGS = {
        "vip", "newsletter", "webinar", "referral", "beginner", "advanced", "1on1", "group", "nutrition", "fitness",
        "mindset", "career", "q4-promo", "podcast", "instagram"
    };
    private static final String[] SOURCES = {
        "website", "instagram", "referral", "podcast", "webinar", "facebook_ads", "linkedin", "youtube"
    };
    private static final String[] UTM_SOURCES = {"google", "facebook", "instagram", "newsletter", "podcast", "linkedin"};
    private static final String[] UTM_MEDIUMS = {"cpc", "social", "email", "referral", "organic"};
    private static final String[] UTM_CAMPAIGNS = {
        "spring-bootcamp-2026", "free-masterclass", "q4-promo", "newsletter-weekly", "podcast-ep-42", "summer-reset"
    };
    private static final String[] NOTES = {
        "Interested in the 12-week program; prefers morning calls.",
        "Asked about group pricing for her running club.",
        "Came from the podcast episode on burnout. Follow up after the holidays.",
        "Wants nutrition coaching only, not fitness.",
        "Referred by an existing client, \"very motivated\".",
        "Timezone: CET. Speaks German and English."
    };
    private static final String[] US_AREA_CODES = {"415", "212", "312", "646", "737", "206", "617", "303", "512", "213"};
    private static final String[] USER_AGENTS = {
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148"
    };

    private final Jdbi jdbi;
    private final Clock clock;

    DemoDataSeeder(Jdbi jdbi, Clock clock) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Seeds {@link #DEMO} and {@link #OTHER} where they are missing; says what it did. */
    public SeedReport seedIfAbsent() {
        return jdbi.inTransaction(handle -> {
            handle.execute("SELECT pg_advisory_xact_lock(?)", SEED_LOCK_KEY);
            List<String> seeded = new ArrayList<>();
            int leads = 0;
            for (DemoOrg org : List.of(DEMO, OTHER)) {
                Optional<UUID> existing = handle.createQuery("SELECT id FROM orgs WHERE name = :name")
                        .bind("name", org.name()).mapTo(UUID.class).findOne();
                if (existing.isEmpty()) {
                    leads += seed(handle, org);
                    seeded.add(org.name());
                }
            }
            return new SeedReport(List.copyOf(seeded), leads);
        });
    }

    private int seed(Handle handle, DemoOrg org) {
        Instant now = clock.instant();
        Random random = new Random(org.randomSeed());
        UUID orgId = handle.createQuery("INSERT INTO orgs (name, created_at) VALUES (:name, :now) RETURNING id")
                .bind("name", org.name()).bind("now", utc(now)).mapTo(UUID.class).one();
        insertUsers(handle, orgId, org, now);

        List<DemoLead> leads = generateLeads(random, org, now);
        insertLeads(handle, orgId, leads);
        insertStatusChanges(handle, orgId, org, leads);
        insertConsents(handle, orgId, leads, random);
        insertMessageEvents(handle, orgId, leads);
        return leads.size();
    }

    private static void insertUsers(Handle handle, UUID orgId, DemoOrg org, Instant now) {
        PreparedBatch users = handle.prepareBatch(
                "INSERT INTO users (org_id, email, display_name, role, active, created_at) "
                        + "VALUES (:orgId, :email, :name, :role, :active, :now)");
        String local = org.userEmail().substring(0, org.userEmail().indexOf('@'));
        users.bind("orgId", orgId).bind("email", org.userEmail()).bind("name", capitalize(local) + " Coach")
                .bind("role", "owner").bind("active", true).bind("now", utc(now)).add();
        // An inactive colleague, so the 403 for deactivated users can be tried against demo data too.
        users.bind("orgId", orgId).bind("email", "former-" + org.userEmail()).bind("name", "Former Assistant")
                .bind("role", "member").bind("active", false).bind("now", utc(now)).add();
        users.execute();
    }

    private List<DemoLead> generateLeads(Random random, DemoOrg org, Instant now) {
        Set<String> emails = new HashSet<>();
        List<DemoLead> leads = new ArrayList<>(org.leadCount());
        long twoYears = Duration.ofDays(730).getSeconds();
        for (int i = 0; i < org.leadCount(); i++) {
            boolean anonymous = random.nextInt(40) == 0; // a few sign-ups leave only their email
            String first = anonymous ? null : pick(random, FIRST_NAMES);
            String last = anonymous ? null : pick(random, LAST_NAMES);
            String email = uniqueEmail(random, emails, first, last, i);
            Instant createdAt = now.minusSeconds(60 + (long) (random.nextDouble() * twoYears));
            DemoLead lead = new DemoLead(UUID.randomUUID(), first, last, email, createdAt);
            lead.status = pickStatus(random);
            lead.phone = random.nextInt(10) < 7 ? phone(random) : null;
            lead.tags = tags(random);
            lead.source = pick(random, SOURCES);
            if (random.nextInt(10) < 6) {
                lead.utmSource = pick(random, UTM_SOURCES);
                lead.utmMedium = pick(random, UTM_MEDIUMS);
                lead.utmCampaign = pick(random, UTM_CAMPAIGNS);
            }
            if (random.nextInt(5) == 0) {
                lead.notes = pick(random, NOTES);
                lead.notesUpdatedAt = between(random, createdAt, now);
                lead.notesUpdatedBy = org.userEmail();
            }
            planHistory(random, lead, now, org.userEmail());
            planEvents(random, lead, now);
            leads.add(lead);
        }
        return leads;
    }

    private static String uniqueEmail(Random random, Set<String> taken, String first, String last, int index) {
        String local = first == null ? "lead" + index : asciiLocalPart(first) + "." + asciiLocalPart(last);
        String domain = pick(random, EMAIL_DOMAINS);
        String email = local + "@" + domain;
        int suffix = 1;
        while (!taken.add(email.toLowerCase(Locale.ROOT))) {
            email = local + (++suffix) + "@" + domain;
        }
        // A few addresses keep the capitals people typed: the unique index and search are case-insensitive.
        if (first != null && random.nextInt(25) == 0) {
            return capitalize(email);
        }
        return email;
    }

    private static String asciiLocalPart(String name) {
        String withoutAccents = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return withoutAccents.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
    }

    private static String capitalize(String value) {
        return value.isEmpty() ? value : Character.toUpperCase(value.charAt(0)) + value.substring(1);
    }

    /** About 60% waitlist, 25% invited, 10% converted, 5% lost. */
    private static String pickStatus(Random random) {
        int roll = random.nextInt(100);
        if (roll < 60) {
            return "waitlist";
        } else if (roll < 85) {
            return "invited";
        } else if (roll < 95) {
            return "converted";
        }
        return "lost";
    }

    /**
     * Fictional numbers that libphonenumber still accepts: NANP's 555-0100..0199. (Ofcom's drama range
     * 07700 900xxx is fictional too, but libphonenumber rejects it, so a demo lead could not be saved back.)
     */
    private static String phone(Random random) {
        return "+1" + pick(random, US_AREA_CODES) + "555" + String.format("%04d", 100 + random.nextInt(100));
    }

    private static String[] tags(Random random) {
        Set<String> tags = new LinkedHashSet<>();
        int count = random.nextInt(5);
        while (tags.size() < count) {
            tags.add(pick(random, TAGS));
        }
        return tags.toArray(String[]::new);
    }

    /** Status changes that walk the lifecycle from waitlist to the lead's status. */
    private static void planHistory(Random random, DemoLead lead, Instant now, String coach) {
        List<String> path = switch (lead.status) {
            case "invited" -> List.of("waitlist", "invited");
            case "converted" -> List.of("waitlist", "invited", "converted");
            case "lost" -> random.nextBoolean() ? List.of("waitlist", "lost") : List.of("waitlist", "invited", "lost");
            default -> List.of("waitlist");
        };
        Instant at = lead.createdAt;
        for (int step = 1; step < path.size(); step++) {
            at = between(random, at, now);
            String reason = switch (path.get(step)) {
                case "invited" -> "Spot opened in the next cohort";
                case "converted" -> "Signed up for the 12-week program";
                default -> random.nextBoolean() ? "No reply after three follow-ups" : null;
            };
            lead.history.add(new DemoStatusChange(path.get(step - 1), path.get(step), coach, at, reason));
        }
        lead.updatedAt = lead.history.isEmpty() ? lead.createdAt : lead.history.get(lead.history.size() - 1).at();
        if (lead.notesUpdatedAt != null && lead.notesUpdatedAt.isAfter(lead.updatedAt)) {
            lead.updatedAt = lead.notesUpdatedAt;
        }
    }

    /** One to three conversations, each a sent message and what became of it; nothing happens after {@code now}. */
    private static void planEvents(Random random, DemoLead lead, Instant now) {
        int conversations = 1 + random.nextInt(3);
        for (int c = 0; c < conversations; c++) {
            boolean sms = lead.phone != null && random.nextInt(4) == 0;
            String channel = sms ? "sms" : "email";
            String campaign = pick(random, UTM_CAMPAIGNS);
            String messageId = (sms ? "SM" : "msg_") + Long.toHexString(random.nextLong() & Long.MAX_VALUE);
            Instant sent = between(random, lead.createdAt, now);
            lead.events.add(new DemoEvent(channel, "sent", sent, messageId, campaign));
            lead.lastContactedAt = lead.lastContactedAt == null || sent.isAfter(lead.lastContactedAt) ? sent : lead.lastContactedAt;
            Instant at = earliest(sent.plusSeconds(2 + random.nextInt(30)), now);
            if (random.nextInt(20) == 0) {
                lead.events.add(new DemoEvent(channel, sms ? "failed" : "bounced", at, messageId, campaign));
                continue;
            }
            lead.events.add(new DemoEvent(channel, "delivered", at, messageId, campaign));
            if (sms) {
                if (random.nextInt(3) == 0) {
                    Instant replied = earliest(at.plusSeconds(600 + random.nextInt(86_400)), now);
                    lead.events.add(new DemoEvent(channel, "replied", replied, messageId, campaign));
                }
            } else if (random.nextInt(3) > 0) {
                Instant opened = earliest(at.plusSeconds(60 + random.nextInt(172_800)), now);
                lead.events.add(new DemoEvent(channel, "opened", opened, messageId, campaign));
                if (random.nextBoolean()) {
                    Instant clicked = earliest(opened.plusSeconds(5 + random.nextInt(300)), now);
                    lead.events.add(new DemoEvent(channel, "clicked", clicked, messageId, campaign));
                }
                if (random.nextInt(30) == 0) {
                    Instant unsubscribed = earliest(opened.plusSeconds(400), now);
                    lead.events.add(new DemoEvent(channel, "unsubscribed", unsubscribed, messageId, campaign));
                }
            }
        }
    }

    private static void insertLeads(Handle handle, UUID orgId, List<DemoLead> leads) {
        PreparedBatch batch = handle.prepareBatch("""
                INSERT INTO leads (id, org_id, created_at, updated_at, status, first_name, last_name, email, phone, tags,
                                   source, utm_source, utm_medium, utm_campaign, notes, notes_updated_at, notes_updated_by,
                                   last_contacted_at)
                VALUES (:id, :orgId, :createdAt, :updatedAt, :status, :firstName, :lastName, :email, :phone, :tags,
                        :source, :utmSource, :utmMedium, :utmCampaign, :notes, :notesUpdatedAt, :notesUpdatedBy,
                        :lastContactedAt)
                """);
        for (DemoLead lead : leads) {
            batch.bind("id", lead.id).bind("orgId", orgId)
                    .bind("createdAt", utc(lead.createdAt)).bind("updatedAt", utc(lead.updatedAt))
                    .bind("status", lead.status).bind("firstName", lead.firstName).bind("lastName", lead.lastName)
                    .bind("email", lead.email).bind("phone", lead.phone).bind("tags", lead.tags)
                    .bind("source", lead.source).bind("utmSource", lead.utmSource).bind("utmMedium", lead.utmMedium)
                    .bind("utmCampaign", lead.utmCampaign).bind("notes", lead.notes)
                    .bind("notesUpdatedAt", utc(lead.notesUpdatedAt)).bind("notesUpdatedBy", lead.notesUpdatedBy)
                    .bind("lastContactedAt", utc(lead.lastContactedAt))
                    .add();
            executeWhenFull(batch);
        }
        executeRest(batch);
    }

    private static void insertStatusChanges(Handle handle, UUID orgId, DemoOrg org, List<DemoLead> leads) {
        PreparedBatch batch = handle.prepareBatch("""
                INSERT INTO lead_status_changes (lead_id, org_id, from_status, to_status, changed_by, changed_at, reason)
                VALUES (:leadId, :orgId, :from, :to, :by, :at, :reason)
                """);
        for (DemoLead lead : leads) {
            for (DemoStatusChange change : lead.history) {
                batch.bind("leadId", lead.id).bind("orgId", orgId).bind("from", change.from()).bind("to", change.to())
                        .bind("by", change.by()).bind("at", utc(change.at())).bind("reason", change.reason()).add();
                executeWhenFull(batch);
            }
        }
        executeRest(batch);
    }

    /** Email consent granted at sign-up (sometimes revoked later); SMS consent for about half the phones. */
    private void insertConsents(Handle handle, UUID orgId, List<DemoLead> leads, Random random) {
        PreparedBatch batch = handle.prepareBatch("""
                INSERT INTO lead_consents (lead_id, org_id, channel, granted, captured_at, source, ip, user_agent,
                                           consent_text, consent_version, recorded_by)
                VALUES (:leadId, :orgId, :channel, :granted, :capturedAt, :source, CAST(:ip AS inet), :userAgent,
                        :text, :version, :recordedBy)
                """);
        Instant now = clock.instant();
        for (DemoLead lead : leads) {
            String ip = "203.0.113." + (1 + random.nextInt(254)); // TEST-NET-3: documentation addresses
            String agent = pick(random, USER_AGENTS);
            addConsent(batch, lead, orgId, "email", true, lead.createdAt, "signup_form", ip, agent,
                    "I agree to receive emails about coaching programs.", "email-2025-01", "system:signup");
            if (random.nextInt(10) == 0) {
                addConsent(batch, lead, orgId, "email", false, between(random, lead.createdAt, now), "unsubscribe_link",
                        null, null, null, null, "system:email-provider");
            }
            if (lead.phone != null && random.nextBoolean()) {
                Instant granted = between(random, lead.createdAt, now);
                addConsent(batch, lead, orgId, "sms", true, granted, "sms_opt_in_form", ip, agent,
                        "I agree to receive text messages. Reply STOP to opt out.", "sms-2025-03", "system:signup");
                if (random.nextInt(8) == 0) {
                    addConsent(batch, lead, orgId, "sms", false, between(random, granted, now), "sms_stop_reply",
                            null, null, "STOP", null, "system:sms-provider");
                }
            }
        }
        executeRest(batch);
    }

    private static void addConsent(PreparedBatch batch, DemoLead lead, UUID orgId, String channel, boolean granted,
            Instant capturedAt, String source, String ip, String userAgent, String text, String version, String recordedBy) {
        batch.bind("leadId", lead.id).bind("orgId", orgId).bind("channel", channel).bind("granted", granted)
                .bind("capturedAt", utc(capturedAt)).bind("source", source).bind("ip", ip).bind("userAgent", userAgent)
                .bind("text", text).bind("version", version).bind("recordedBy", recordedBy).add();
        executeWhenFull(batch);
    }

    private static void insertMessageEvents(Handle handle, UUID orgId, List<DemoLead> leads) {
        PreparedBatch batch = handle.prepareBatch("""
                INSERT INTO message_events (lead_id, org_id, channel, type, occurred_at, provider_message_id, metadata)
                VALUES (:leadId, :orgId, :channel, :type, :occurredAt, :messageId,
                        jsonb_build_object('campaign', CAST(:campaign AS text)))
                """);
        for (DemoLead lead : leads) {
            for (DemoEvent event : lead.events) {
                batch.bind("leadId", lead.id).bind("orgId", orgId).bind("channel", event.channel())
                        .bind("type", event.type()).bind("occurredAt", utc(event.occurredAt()))
                        .bind("messageId", event.providerMessageId()).bind("campaign", event.campaign()).add();
                executeWhenFull(batch);
            }
        }
        executeRest(batch);
    }

    private static void executeWhenFull(PreparedBatch batch) {
        if (batch.size() >= BATCH_SIZE) {
            batch.execute();
        }
    }

    private static void executeRest(PreparedBatch batch) {
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    private static Instant between(Random random, Instant from, Instant to) {
        long span = Math.max(1, Duration.between(from, to).getSeconds());
        return from.plusSeconds(1 + (long) (random.nextDouble() * (span - 1)));
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * One demo org.
     *
     * @param name        the org's name, which is how the seeder recognises it
     * @param userEmail   its active user
     * @param leadCount   how many leads it gets
     * @param randomSeed  the seed of its data
     */
    public record DemoOrg(String name, String userEmail, int leadCount, long randomSeed) {
    }

    /**
     * What a run did.
     *
     * @param seededOrgs the orgs it created; empty when everything was there already
     * @param leads      how many leads it inserted
     */
    public record SeedReport(List<String> seededOrgs, int leads) {
    }

    private record DemoStatusChange(String from, String to, String by, Instant at, String reason) {
    }

    private record DemoEvent(String channel, String type, Instant occurredAt, String providerMessageId, String campaign) {
    }

    /** A lead being generated; mutable only while the generator fills it in. */
    private static final class DemoLead {
        final UUID id;
        final String firstName;
        final String lastName;
        final String email;
        final Instant createdAt;
        final List<DemoStatusChange> history = new ArrayList<>();
        final List<DemoEvent> events = new ArrayList<>();
        Instant updatedAt;
        String status;
        String phone;
        String[] tags;
        String source;
        String utmSource;
        String utmMedium;
        String utmCampaign;
        String notes;
        Instant notesUpdatedAt;
        String notesUpdatedBy;
        Instant lastContactedAt;

        DemoLead(UUID id, String firstName, String lastName, String email, Instant createdAt) {
            this.id = id;
            this.firstName = firstName;
            this.lastName = lastName;
            this.email = email;
            this.createdAt = createdAt;
        }
    }
}
