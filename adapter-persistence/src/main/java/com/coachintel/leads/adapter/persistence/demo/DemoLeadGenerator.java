package com.coachintel.leads.adapter.persistence.demo;

import com.coachintel.leads.domain.ConsentChannel;
import com.coachintel.leads.domain.ConsentEntry;
import com.coachintel.leads.domain.ConsentStatus;
import com.coachintel.leads.domain.EmailAddress;
import com.coachintel.leads.domain.Lead;
import com.coachintel.leads.domain.LeadField;
import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.LeadProfile;
import com.coachintel.leads.domain.LeadStatus;
import com.coachintel.leads.domain.MessageChannel;
import com.coachintel.leads.domain.MessageEventType;
import com.coachintel.leads.domain.NewLead;
import com.coachintel.leads.domain.Notes;
import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.PhoneNumber;
import com.coachintel.leads.domain.StatusChange;
import com.coachintel.leads.domain.Tag;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Generates an org's demo leads as domain values, storage aside: each a {@link NewLead} as the intake would take it,
 * then the status moves the lifecycle allows ({@link Lead#changeStatus}, so a move the transition table forbids
 * cannot be generated), later consents, notes and message events. Drawn from a fixed seed: the same org gets the
 * same names, statuses and tags every time; timestamps follow {@code now}.
 */
final class DemoLeadGenerator {

    static final String[] FIRST_NAMES = {
        "Olivia", "Liam", "Emma", "Noah", "Ava", "Mateo", "Sophia", "Lucas", "Isabella", "Ethan", "Mia", "Aiden",
        "Amara", "Kwame", "Priya", "Arjun", "Mei", "Hiroshi", "Yuki", "Sofía", "José", "María", "Zoë", "Chloé",
        "Björn", "Søren", "Ingrid", "Fatima", "Omar", "Aisha", "Nikolai", "Anastasia", "Siobhan", "Seán", "Dmitri",
        "Léa", "Camille", "Lukas", "Hannah", "Grace", "Daniel", "Samuel", "Chen", "Wei", "Thanh", "Linh", "Kofi",
        "Ngozi", "Rafael", "Gabriela", "Tomás", "Elif", "Emre", "Ana", "Luca", "Giulia", "Jack", "Ruby", "Zara", "Jamal"
    };
    static final String[] LAST_NAMES = {
        "Smith", "Johnson", "Williams", "Brown", "Garcia", "Martínez", "Rodríguez", "Nguyễn", "Kim", "Patel",
        "Singh", "Chen", "Wang", "Müller", "Schmidt", "Rossi", "Bianchi", "Dubois", "Lefèvre", "O'Brien", "O'Connor",
        "Smith-Jones", "van der Berg", "Andersen", "Johansson", "Kowalski", "Nowak", "Ivanova", "Okafor", "Mensah",
        "Haddad", "Khan", "Yamamoto", "Tanaka", "Sato", "Silva", "Santos", "Costa", "Fernández", "López", "Murphy",
        "Kelly", "Walsh", "Taylor", "Wilson", "Davies", "Evans", "Thompson", "Moore", "Clark", "Lewis", "Young",
        "Hernández", "Yilmaz", "Demir", "Novák", "Horvát", "Papadopoulos", "Cohen", "Levi"
    };
    static final String[] EMAIL_DOMAINS = {"example.com", "example.org", "example.net", "mail.test", "inbox.test"};
    static final String[] TAGS = {
        "vip", "newsletter", "webinar", "referral", "beginner", "advanced", "1on1", "group", "nutrition", "fitness",
        "mindset", "career", "q4-promo", "podcast", "instagram"
    };
    static final String[] SOURCES = {
        "website", "instagram", "referral", "podcast", "webinar", "facebook_ads", "linkedin", "youtube"
    };
    static final String[] UTM_SOURCES = {"google", "facebook", "instagram", "newsletter", "podcast", "linkedin"};
    static final String[] UTM_MEDIUMS = {"cpc", "social", "email", "referral", "organic"};
    static final String[] UTM_CAMPAIGNS = {
        "spring-bootcamp-2026", "free-masterclass", "q4-promo", "newsletter-weekly", "podcast-ep-42", "summer-reset"
    };
    static final String[] NOTES = {
        "Interested in the 12-week program; prefers morning calls.",
        "Asked about group pricing for her running club.",
        "Came from the podcast episode on burnout. Follow up after the holidays.",
        "Wants nutrition coaching only, not fitness.",
        "Referred by an existing client, \"very motivated\".",
        "Timezone: CET. Speaks German and English."
    };
    static final String[] US_AREA_CODES = {"415", "212", "312", "646", "737", "206", "617", "303", "512", "213"};
    static final String[] USER_AGENTS = {
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148"
    };

    /** How often each status is where a lead ends up: about 60 % waitlist, 25 % invited, 10 % converted, 5 % lost. */
    private static final Map<LeadStatus, Integer> PERCENT = new EnumMap<>(Map.of(
            LeadStatus.WAITLIST, 60, LeadStatus.INVITED, 25, LeadStatus.CONVERTED, 10, LeadStatus.LOST, 5));

    /** Why a coach moved a lead to a status, as the demo tells it. */
    private static final Map<LeadStatus, List<String>> REASONS = new EnumMap<>(Map.of(
            LeadStatus.WAITLIST, List.of("Back on the list for the next cohort"),
            LeadStatus.INVITED, List.of("Spot opened in the next cohort"),
            LeadStatus.CONVERTED, List.of("Signed up for the 12-week program"),
            LeadStatus.LOST, List.of("No reply after three follow-ups")));

    /** One generated lead. */
    record DemoLead(LeadId id, NewLead lead, List<StatusChange> statusChanges, LeadStatus status, Instant updatedAt,
            Optional<Notes> notes, Instant notesUpdatedAt, List<ConsentEntry> laterConsents, List<DemoEvent> events,
            Instant lastContactedAt, String coach) {
    }

    /** A message event of the demo: a sent message and what became of it. */
    record DemoEvent(MessageChannel channel, MessageEventType type, Instant occurredAt, String providerMessageId,
            String campaign) {
    }

    private DemoLeadGenerator() {
    }

    static List<DemoLead> generate(OrgId org, DemoDataSeeder.DemoOrg spec, Instant now) {
        Random random = new Random(spec.randomSeed());
        Set<String> emails = new HashSet<>();
        List<DemoLead> leads = new ArrayList<>(spec.leadCount());
        long twoYears = Duration.ofDays(730).getSeconds();
        for (int i = 0; i < spec.leadCount(); i++) {
            boolean anonymous = random.nextInt(40) == 0; // a few sign-ups leave only their email
            String first = anonymous ? null : pick(random, FIRST_NAMES);
            String last = anonymous ? null : pick(random, LAST_NAMES);
            EmailAddress email = EmailAddress.parse(uniqueEmail(random, emails, first, last, i), LeadField.EMAIL);
            Instant createdAt = now.minusSeconds(60 + (long) (random.nextDouble() * twoYears));
            LeadStatus target = pickStatus(random);
            PhoneNumber phone = random.nextInt(10) < 7 ? phone(random) : null;
            List<Tag> tags = tags(random);
            String source = pick(random, SOURCES);
            boolean tracked = random.nextInt(10) < 6;
            LeadProfile profile = new LeadProfile(first, last, phone, source,
                    tracked ? pick(random, UTM_SOURCES) : null, tracked ? pick(random, UTM_MEDIUMS) : null,
                    tracked ? pick(random, UTM_CAMPAIGNS) : null);
            Optional<Notes> notes = random.nextInt(5) == 0 ? Optional.of(new Notes(pick(random, NOTES))) : Optional.empty();
            Instant notesAt = notes.isPresent() ? between(random, createdAt, now) : null;
            String ip = "203.0.113." + (1 + random.nextInt(254)); // TEST-NET-3: documentation addresses
            String agent = pick(random, USER_AGENTS);
            ConsentEntry emailOptIn = new ConsentEntry(ConsentChannel.EMAIL, ConsentStatus.GRANTED, createdAt, "signup_form",
                    "email-2025-01", ip, agent, "system:signup");
            NewLead lead = new NewLead(org, email, profile, tags, Optional.empty(), List.of(emailOptIn), "system:signup",
                    createdAt);
            LeadId id = new LeadId(UUID.randomUUID());
            List<StatusChange> moves = walk(random, id, org, target, createdAt, now, spec.userEmail());
            Instant updatedAt = moves.isEmpty() ? createdAt : moves.get(moves.size() - 1).changedAt();
            if (notesAt != null && notesAt.isAfter(updatedAt)) {
                updatedAt = notesAt;
            }
            List<ConsentEntry> later = laterConsents(random, createdAt, now, phone != null, ip, agent);
            List<DemoEvent> events = events(random, createdAt, now, phone != null);
            Instant lastContacted = events.stream().filter(e -> e.type() == MessageEventType.SENT).map(DemoEvent::occurredAt)
                    .max(Instant::compareTo).orElse(null);
            leads.add(new DemoLead(id, lead, moves, target, updatedAt, notes, notesAt, later, events, lastContacted,
                    spec.userEmail()));
        }
        return leads;
    }

    /**
     * The moves from waitlist to {@code target}, each made by {@link Lead#changeStatus}: directly, or through
     * {@code invited} when the lifecycle allows that way and the draw takes it.
     */
    private static List<StatusChange> walk(Random random, LeadId id, OrgId org, LeadStatus target, Instant createdAt,
            Instant now, String coach) {
        List<LeadStatus> path = new ArrayList<>();
        boolean viaInvited = target != LeadStatus.INVITED && LeadStatus.WAITLIST.canMoveTo(LeadStatus.INVITED)
                && LeadStatus.INVITED.canMoveTo(target) && random.nextInt(3) > 0;
        if (viaInvited) {
            path.add(LeadStatus.INVITED);
        }
        if (target != LeadStatus.WAITLIST) {
            path.add(target);
        }
        Lead lead = Lead.restore(id, org, LeadStatus.WAITLIST, List.of(), null, null, null, null, createdAt, 1);
        List<StatusChange> moves = new ArrayList<>();
        Instant at = createdAt;
        for (LeadStatus next : path) {
            at = between(random, at, now);
            List<String> reasons = REASONS.get(next);
            var update = lead.changeStatus(next, random.nextInt(4) == 0 ? null : pick(random, reasons), coach, at);
            moves.add(update.statusChange().orElseThrow());
            lead = update.after();
        }
        return moves;
    }

    /** Email sometimes revoked later; SMS granted for about half the phones, and sometimes stopped. */
    private static List<ConsentEntry> laterConsents(Random random, Instant createdAt, Instant now, boolean hasPhone,
            String ip, String agent) {
        List<ConsentEntry> later = new ArrayList<>();
        if (random.nextInt(10) == 0) {
            later.add(new ConsentEntry(ConsentChannel.EMAIL, ConsentStatus.REVOKED, between(random, createdAt, now),
                    "unsubscribe_link", null, null, null, "system:email-provider"));
        }
        if (hasPhone && random.nextBoolean()) {
            Instant granted = between(random, createdAt, now);
            later.add(new ConsentEntry(ConsentChannel.SMS, ConsentStatus.GRANTED, granted, "sms_opt_in_form", "sms-2025-03",
                    ip, agent, "system:signup"));
            if (random.nextInt(8) == 0) {
                later.add(new ConsentEntry(ConsentChannel.SMS, ConsentStatus.REVOKED, between(random, granted, now),
                        "sms_stop_reply", "STOP", null, null, "system:sms-provider"));
            }
        }
        return later;
    }

    /** One to three conversations, each a sent message and what became of it; nothing happens after {@code now}. */
    private static List<DemoEvent> events(Random random, Instant createdAt, Instant now, boolean hasPhone) {
        List<DemoEvent> events = new ArrayList<>();
        int conversations = 1 + random.nextInt(3);
        for (int c = 0; c < conversations; c++) {
            boolean sms = hasPhone && random.nextInt(4) == 0;
            MessageChannel channel = sms ? MessageChannel.SMS : MessageChannel.EMAIL;
            String campaign = pick(random, UTM_CAMPAIGNS);
            String messageId = (sms ? "SM" : "msg_") + Long.toHexString(random.nextLong() & Long.MAX_VALUE);
            Instant sent = between(random, createdAt, now);
            events.add(new DemoEvent(channel, MessageEventType.SENT, sent, messageId, campaign));
            Instant at = earliest(sent.plusSeconds(2 + random.nextInt(30)), now);
            if (random.nextInt(20) == 0) {
                events.add(new DemoEvent(channel, sms ? MessageEventType.FAILED : MessageEventType.BOUNCED, at, messageId,
                        campaign));
                continue;
            }
            events.add(new DemoEvent(channel, MessageEventType.DELIVERED, at, messageId, campaign));
            if (sms) {
                if (random.nextInt(3) == 0) {
                    Instant replied = earliest(at.plusSeconds(600 + random.nextInt(86_400)), now);
                    events.add(new DemoEvent(channel, MessageEventType.REPLIED, replied, messageId, campaign));
                }
            } else if (random.nextInt(3) > 0) {
                Instant opened = earliest(at.plusSeconds(60 + random.nextInt(172_800)), now);
                events.add(new DemoEvent(channel, MessageEventType.OPENED, opened, messageId, campaign));
                if (random.nextBoolean()) {
                    Instant clicked = earliest(opened.plusSeconds(5 + random.nextInt(300)), now);
                    events.add(new DemoEvent(channel, MessageEventType.CLICKED, clicked, messageId, campaign));
                }
                if (random.nextInt(30) == 0) {
                    Instant unsubscribed = earliest(opened.plusSeconds(400), now);
                    events.add(new DemoEvent(channel, MessageEventType.UNSUBSCRIBED, unsubscribed, messageId, campaign));
                }
            }
        }
        return events;
    }

    private static LeadStatus pickStatus(Random random) {
        int roll = random.nextInt(100);
        for (LeadStatus status : LeadStatus.values()) {
            roll -= PERCENT.get(status);
            if (roll < 0) {
                return status;
            }
        }
        return LeadStatus.WAITLIST;
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

    static String capitalize(String value) {
        return value.isEmpty() ? value : Character.toUpperCase(value.charAt(0)) + value.substring(1);
    }

    /**
     * Fictional numbers that libphonenumber still accepts: NANP's 555-0100..0199. (Ofcom's drama range
     * 07700 900xxx is fictional too, but libphonenumber rejects it, so a demo lead could not be saved back.)
     */
    private static PhoneNumber phone(Random random) {
        return new PhoneNumber("+1" + pick(random, US_AREA_CODES) + "555" + String.format("%04d", 100 + random.nextInt(100)));
    }

    private static List<Tag> tags(Random random) {
        Set<Tag> tags = new LinkedHashSet<>();
        int count = random.nextInt(5);
        while (tags.size() < count) {
            tags.add(new Tag(pick(random, TAGS)));
        }
        return List.copyOf(tags);
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

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
