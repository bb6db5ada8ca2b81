package com.coachintel.leads.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachintel.leads.adapter.http.ContractClient;
import com.coachintel.leads.adapter.persistence.Concurrently;
import com.coachintel.leads.adapter.persistence.LeadRows;
import com.coachintel.leads.adapter.persistence.TestDatabase;
import com.coachintel.leads.adapter.persistence.TestPostgres;
import com.coachintel.leads.application.message.UnsubscribeLinks;
import com.coachintel.leads.domain.ConsentChannel;
import com.coachintel.leads.domain.LeadId;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Providers' webhooks and unsubscribe links end to end: real wiring, real socket, PostgreSQL, the contract. */
class LeadsProvidersApiTest {

    static final String COACH = "coach@acme.example";
    static final String SECRET = "unsubscribe-secret-for-tests-0001";
    static final String TWILIO_TOKEN = "twilio-token-for-tests";
    static TestDatabase db;
    static LeadsApplication app;
    static ContractClient coach;
    static ContractClient postmark;
    static ContractClient anonymous;
    static UUID acme;
    static UUID other;

    @BeforeAll
    static void start() {
        db = TestPostgres.freshDatabase();
        acme = LeadRows.insertOrg(db, "Acme Coaching");
        other = LeadRows.insertOrg(db, "Other Coaching");
        LeadRows.insertUser(db, acme, COACH, true);
        app = LeadsApplication.start(LeadsConfig.from(Map.ofEntries(Map.entry("DATABASE_URL", db.jdbcUrl()),
                Map.entry("DATABASE_USER", "postgres"), Map.entry("LEADS_HTTP_PORT", "0"),
                Map.entry("LEADS_DEMO_DATA", "false"), Map.entry("LEADS_JOBS_WORKER", "false"),
                Map.entry("LEADS_POSTMARK_WEBHOOK_USER", "postmark"),
                Map.entry("LEADS_POSTMARK_WEBHOOK_PASSWORD", "webhook-password-0001"),
                Map.entry("LEADS_UNSUBSCRIBE_SECRET", SECRET), Map.entry("LEADS_TWILIO_AUTH_TOKEN", TWILIO_TOKEN),
                Map.entry("LEADS_PUBLIC_BASE_URL", "https://leads.example.com")), new Properties()));
        coach = new ContractClient(app.baseUrl()).withHeader("x-user-email", COACH);
        postmark = new ContractClient(app.baseUrl()).withHeader("Authorization", "Basic "
                + Base64.getEncoder().encodeToString("postmark:webhook-password-0001".getBytes(StandardCharsets.UTF_8)));
        anonymous = new ContractClient(app.baseUrl());
    }

    @AfterAll
    static void stop() {
        app.close();
        db.close();
    }

    static JsonNode webhook(String json) {
        ContractClient.Exchange response = postmark.send("POST", "/webhooks/postmark", json, true, "Content-Type",
                "application/json");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    static String delivery(String recipient, String messageId, String at) {
        return "{\"RecordType\":\"Delivery\",\"MessageID\":\"" + messageId + "\",\"Recipient\":\"" + recipient
                + "\",\"DeliveredAt\":\"" + at + "\",\"Details\":\"ok\",\"Metadata\":{}}";
    }

    static String hardBounce(String email, String messageId) {
        return "{\"RecordType\":\"Bounce\",\"ID\":1,\"Type\":\"HardBounce\",\"TypeCode\":1,\"MessageID\":\"" + messageId
                + "\",\"Email\":\"" + email + "\",\"BouncedAt\":\"2026-03-01T12:00:00Z\",\"Inactive\":true}";
    }

    static long events(UUID lead) {
        return db.scalar(Long.class, "SELECT count(*) FROM message_events WHERE lead_id = ?", lead);
    }

    @Test
    void a_delivery_shows_in_events_and_contacted_and_a_redelivery_changes_nothing() {
        UUID bob = LeadRows.aLead().withEmail("bob@example.com").insert(db, acme);

        JsonNode first = webhook(delivery("Bob@Example.com", "m-1", "2026-03-01T10:00:00.1234567Z"));
        JsonNode again = webhook(delivery("Bob@Example.com", "m-1", "2026-03-01T10:00:00.1234567Z"));

        assertThat(first.get("recorded").asInt()).isEqualTo(1);
        assertThat(again.get("recorded").asInt()).isZero();
        assertThat(again.get("duplicates").asInt()).isEqualTo(1);
        JsonNode list = coach.get("/leads/" + bob + "/events").json();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("type").asText()).isEqualTo("delivered");
        assertThat(list.get(0).get("meta").get("RecordType").asText()).isEqualTo("Delivery");
        assertThat(coach.get("/leads/" + bob).json().get("last_contacted_at").asText()).isEqualTo("2026-03-01T10:00:00.123457Z"); // PostgreSQL rounds to microseconds
    }

    @Test
    void a_hard_bounce_revokes_email_consent_in_every_org_and_an_open_there_is_dropped() {
        UUID atAcme = LeadRows.aLead().withEmail("ada@example.com").insert(db, acme);
        UUID atOther = LeadRows.aLead().withEmail("ada@example.com").insert(db, other);

        assertThat(webhook(hardBounce("ada@example.com", "m-2")).get("recorded").asInt()).isEqualTo(2);
        JsonNode open = webhook("{\"RecordType\":\"Open\",\"MessageID\":\"m-2\",\"Recipient\":\"ada@example.com\","
                + "\"ReceivedAt\":\"2026-03-01T12:05:00Z\",\"FirstOpen\":true}");

        assertThat(open.get("status").asText()).isEqualTo("dropped");
        JsonNode detail = coach.get("/leads/" + atAcme).json();
        assertThat(detail.get("consent_email").asText()).isEqualTo("opted_out");
        JsonNode ledger = coach.get("/leads/" + atAcme + "/consents").json().get("items");
        assertThat(ledger.get(0).get("source").asText()).isEqualTo("postmark");
        assertThat(db.scalar(Boolean.class, "SELECT granted FROM lead_consents WHERE lead_id = ?", atOther)).isFalse();
        assertThat(events(atAcme)).isEqualTo(1);
    }

    @Test
    void concurrent_redeliveries_of_a_spam_complaint_are_one_event() throws Exception {
        UUID eve = LeadRows.aLead().withEmail("eve@example.com").insert(db, acme);
        String complaint = "{\"RecordType\":\"SpamComplaint\",\"ID\":42,\"Type\":\"SpamComplaint\",\"TypeCode\":512,"
                + "\"MessageID\":\"m-3\",\"Email\":\"eve@example.com\",\"BouncedAt\":\"2026-03-02T09:00:00Z\",\"Inactive\":true}";

        List<Integer> recorded = Concurrently.run(8, () -> webhook(complaint).get("recorded").asInt());

        assertThat(recorded.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
        assertThat(events(eve)).isEqualTo(1);
        assertThat(db.scalar(String.class, "SELECT type FROM message_events WHERE lead_id = ?", eve)).isEqualTo("complained");
        assertThat(db.scalar(Long.class, "SELECT count(*) FROM lead_consents WHERE lead_id = ?", eve)).isEqualTo(1);
    }

    @Test
    void an_unknown_recipient_is_acknowledged_and_bad_credentials_are_401() {
        assertThat(webhook(delivery("nobody@example.com", "m-4", "2026-03-01T10:00:00Z")).get("status").asText())
                .isEqualTo("dropped");
        anonymous.send("POST", "/webhooks/postmark", delivery("bob@example.com", "m-5", "2026-03-01T10:00:00Z"), null,
                "Content-Type", "application/json").assertProblem(401, "webhook-unauthorized");
    }

    @Test
    void coachintels_unsubscribe_link_revokes_email_consent_once_and_a_get_or_a_tampered_token_changes_nothing()
            throws Exception {
        UUID cleo = LeadRows.aLead().withEmail("cleo@example.com").insert(db, acme);
        String token = coachIntelToken(cleo.toString());
        String link = "/unsubscribe?lead_id=" + cleo + "&token=" + token;

        assertThat(anonymous.get(link).status()).isEqualTo(200);
        assertThat(consents(cleo)).as("a GET changes nothing").isZero();
        oneClick("/unsubscribe?lead_id=" + cleo + "&token=" + token.substring(1) + "A");
        assertThat(consents(cleo)).as("a tampered token changes nothing").isZero();

        oneClick(link);
        oneClick(link);

        assertThat(consents(cleo)).isEqualTo(1);
        assertThat(coach.get("/leads/" + cleo).json().get("consent_email").asText()).isEqualTo("opted_out");
        assertThat(coach.get("/leads/" + cleo + "/consents").json().get("items").get(0).get("source").asText())
                .isEqualTo("unsubscribe-link");
    }

    @Test
    void a_version_1_link_stops_its_own_channel_only_for_its_own_lead() {
        UUID dan = LeadRows.aLead().withEmail("dan@example.com").insert(db, acme);
        UUID fay = LeadRows.aLead().withEmail("fay@example.com").insert(db, acme);
        String query = new UnsubscribeLinks(SECRET).query(new LeadId(dan), ConsentChannel.SMS);

        oneClick("/unsubscribe?" + query.replace(dan.toString(), fay.toString()));
        assertThat(consents(fay)).as("another lead's token").isZero();
        oneClick("/unsubscribe?" + query);

        assertThat(db.rows("SELECT channel, granted FROM lead_consents WHERE lead_id = ?", dan)).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("channel", "sms").containsEntry("granted", false));
    }

    @Test
    void a_carrier_stop_revokes_sms_consent_for_every_lead_with_the_number_and_a_status_callback_is_an_event_once()
            throws Exception {
        UUID gus = LeadRows.aLead().withEmail("gus@example.com").withPhone("+14155550142").insert(db, acme);
        UUID gusElsewhere = LeadRows.aLead().withEmail("gus@other.example").withPhone("+14155550142").insert(db, other);

        twilio("", "MessageSid=SM00000000000000000000000000000001&From=%2B14155550142&To=%2B15005550006&Body=STOP");
        String callback = "MessageSid=SM00000000000000000000000000000002&MessageStatus=delivered&To=%2B14155550142";
        twilio("?lead_id=" + gus, callback);
        twilio("?lead_id=" + gus, callback);

        for (UUID lead : List.of(gus, gusElsewhere)) {
            assertThat(db.rows("SELECT channel, granted, source FROM lead_consents WHERE lead_id = ?", lead)).singleElement()
                    .satisfies(row -> assertThat(row).containsEntry("channel", "sms").containsEntry("granted", false)
                            .containsEntry("source", "twilio"));
        }
        assertThat(coach.get("/leads/" + gus).json().get("consent_sms").asText()).isEqualTo("opted_out");
        assertThat(db.scalar(Long.class, "SELECT count(*) FROM message_events WHERE lead_id = ? AND type = 'delivered'", gus))
                .isEqualTo(1);
        ContractClient.Exchange forged = anonymous.send("POST", "/webhooks/twilio", callback, null, "Content-Type",
                "application/x-www-form-urlencoded", "X-Twilio-Signature", "forged");
        forged.assertProblem(403, "signature-refused");
    }

    /** Posts a form as Twilio does, signed as Twilio's documentation says: URL, then each name and value, sorted. */
    private static void twilio(String query, String form) throws Exception {
        java.util.TreeMap<String, String> sorted = new java.util.TreeMap<>();
        for (String pair : form.split("&")) {
            String[] kv = pair.split("=", 2);
            sorted.put(kv[0], java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        StringBuilder signed = new StringBuilder("https://leads.example.com/webhooks/twilio" + query);
        sorted.forEach((name, value) -> signed.append(name).append(value));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(TWILIO_TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
        ContractClient.Exchange response = anonymous.send("POST", "/webhooks/twilio" + query, form, null, "Content-Type",
                "application/x-www-form-urlencoded", "X-Twilio-Signature", signature);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private static void oneClick(String link) {
        ContractClient.Exchange done = anonymous.send("POST", link, "List-Unsubscribe=One-Click", true, "Content-Type",
                "application/x-www-form-urlencoded");
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains("If this link was yours");
    }

    private static long consents(UUID lead) {
        return db.scalar(Long.class, "SELECT count(*) FROM lead_consents WHERE lead_id = ?", lead);
    }

    /** As CoachIntel's Python mailer makes it: base64url, unpadded, of HMAC-SHA256(secret, lead id). */
    private static String coachIntelToken(String leadId) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(leadId.getBytes(StandardCharsets.UTF_8)));
    }
}
