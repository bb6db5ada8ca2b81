package com.coachintel.leads.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachintel.leads.domain.ConsentStatus;
import com.coachintel.leads.domain.MessageEventType;
import com.coachintel.leads.domain.message.ProviderReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Postmark's documented payloads, one per record type, over a real socket and against the contract. */
class PostmarkWebhookTest {

    static final FakeUseCases FAKES = new FakeUseCases();
    static final String PATH = "/webhooks/postmark";
    static HttpApi api;
    static ContractClient client;
    static String basic;

    @BeforeAll
    static void start() {
        api = new HttpApi(new HttpSettings("127.0.0.1", 0).withPostmarkWebhook(
                new HttpSettings.BasicCredentials("postmark", "0123456789abcdef-webhook")), FAKES.useCases()).start();
        client = new ContractClient(api.baseUrl());
        basic = "Basic " + Base64.getEncoder().encodeToString("postmark:0123456789abcdef-webhook".getBytes(StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stop() {
        api.stop();
    }

    @BeforeEach
    void clear() {
        FAKES.reports.clear();
    }

    static String sample(String name) {
        try (InputStream in = PostmarkWebhookTest.class.getResourceAsStream("/fixtures/postmark/" + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static ContractClient.Exchange post(String body, Boolean valid, String authorization) {
        return client.send("POST", PATH, body, valid, "Content-Type", "application/json", "Authorization", authorization);
    }

    static ProviderReport deliver(String sample) {
        ContractClient.Exchange response = post(sample(sample), true, basic);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("status").asText()).isEqualTo("recorded");
        assertThat(FAKES.reports).hasSize(1);
        return FAKES.reports.get(0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "delivery,delivered,2019-11-05T16:33:54.907025900Z,MESSAGE,true",
        "open,opened,2019-11-05T16:33:54.907025900Z,MESSAGE,false",
        "click,clicked,2019-11-05T16:33:54.907025900Z,MESSAGE,false",
        "bounce-soft,bounced,2019-11-06T08:00:00Z,MESSAGE,false",
    })
    void engagement_and_soft_bounces_are_recorded_without_touching_consent(String sample, String type, String at,
            ProviderReport.Scope scope, boolean contacted) {
        ProviderReport report = deliver(sample);

        assertThat(report.type().wireName()).isEqualTo(type);
        assertThat(report.occurredAt()).isEqualTo(Instant.parse(at));
        assertThat(report.address()).isEqualTo("ada@example.com");
        assertThat(report.scope()).isEqualTo(scope);
        assertThat(report.consent()).isEmpty();
        assertThat(report.contacted()).isEqualTo(contacted);
        assertThat(report.metaJson()).startsWith("{\"RecordType\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "bounce-hard,bounced,HardBounce",
        "spam-complaint,complained,SpamComplaint",
        "subscription-change,unsubscribed,Suppression: ManualSuppression",
        "subscription-change-manual,unsubscribed,Suppression: ManualSuppression",
    })
    void address_facts_revoke_email_consent_with_the_reason(String sample, String type, String reason) {
        ProviderReport report = deliver(sample);

        assertThat(report.type()).isEqualTo(MessageEventType.fromWireName(type).orElseThrow());
        assertThat(report.scope()).isEqualTo(ProviderReport.Scope.ADDRESS);
        assertThat(report.consent()).contains(new ProviderReport.ConsentChange(ConsentStatus.REVOKED, reason));
    }

    @Test
    void the_identity_of_an_event_works_without_a_message_id_and_differs_by_timestamp() {
        ProviderReport manual = deliver("subscription-change-manual");
        FAKES.reports.clear();
        ProviderReport withId = deliver("subscription-change");

        assertThat(manual.providerMessageId()).isNull();
        assertThat(manual.eventKey()).contains("|-|SubscriptionChange|2020-02-02T09:00:00Z|ada@example.com");
        assertThat(withId.eventKey()).isNotEqualTo(manual.eventKey());
    }

    @Test
    void a_reactivation_is_acknowledged_and_records_nothing() {
        ContractClient.Exchange response = post(sample("subscription-reactivated"), true, basic);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asText()).isEqualTo("dropped");
        assertThat(FAKES.reports).isEmpty();
    }

    @Test
    void metadata_lead_id_is_a_hint_and_a_bounce_dump_is_left_out_of_a_large_meta() {
        String withLead = sample("bounce-hard").replace("\"Metadata\":{\"a_key\":\"a_value\",\"b_key\":\"b_value\"}",
                "\"Metadata\":{\"lead_id\":\"3f2b8c1e-1111-4222-8333-444455556666\"}")
                .replace("<Full dump of bounce>", "x".repeat(20_000));

        ProviderReport report = deliver0(withLead);

        assertThat(report.leadHint()).map(id -> id.value().toString()).contains("3f2b8c1e-1111-4222-8333-444455556666");
        assertThat(report.metaJson()).contains("\"ContentOmitted\":true").doesNotContain("xxxx");
    }

    private static ProviderReport deliver0(String body) {
        ContractClient.Exchange response = post(body, true, basic);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return FAKES.reports.get(0);
    }

    @Test
    void wrong_or_missing_credentials_are_401_with_a_challenge_and_record_nothing() {
        String wrong = "Basic " + Base64.getEncoder().encodeToString("postmark:guess".getBytes(StandardCharsets.UTF_8));
        for (String authorization : new String[] {wrong, null, "Bearer x"}) {
            // A request without basic auth is outside the contract by definition: its request is not checked.
            ContractClient.Exchange response = post(sample("delivery"), authorization == wrong ? true : null, authorization);
            response.assertProblem(401, "webhook-unauthorized");
            assertThat(response.header("www-authenticate")).startsWith("Basic realm=");
        }
        assertThat(FAKES.reports).isEmpty();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "{\"RecordType\": \"Inbound\", \"MessageID\": \"x\"}|RecordType",
        "{\"MessageID\": \"x\"}|RecordType",
        "{\"RecordType\": \"Delivery\", \"DeliveredAt\": \"2019-11-05T16:33:54Z\"}|Recipient",
        "{\"RecordType\": \"Delivery\", \"Recipient\": \"not-an-address\", \"DeliveredAt\": \"2019-11-05T16:33:54Z\"}|Recipient",
        "{\"RecordType\": \"Delivery\", \"Recipient\": \"a@b.co\", \"DeliveredAt\": \"yesterday\"}|DeliveredAt",
        "{\"RecordType\": \"Bounce\", \"Email\": \"a@b.co\", \"BouncedAt\": \"2019-11-05T16:33:54Z\"}|Type",
        "{\"RecordType\": \"Delivery\", \"Recipient\": \"a@b.co\", \"Recipient\": \"c@d.co\", \"DeliveredAt\": \"2019-11-05T16:33:54Z\"}|Recipient",
    })
    void a_payload_postmark_could_not_have_sent_is_400_naming_the_property_and_records_nothing(String body, String field) {
        ContractClient.Exchange response = post(body, null, basic);

        response.assertProblem(400, "validation-failed");
        assertThat(response.errorFields()).contains(field);
        assertThat(FAKES.reports).isEmpty();
    }

    @Test
    void the_webhook_is_404_when_no_credentials_are_configured() {
        HttpApi off = new HttpApi(new HttpSettings("127.0.0.1", 0), new FakeUseCases().useCases()).start();
        try {
            new ContractClient(off.baseUrl()).send("POST", PATH, sample("delivery"), true, "Content-Type", "application/json",
                    "Authorization", basic).assertProblem(404, "not-found");
        } finally {
            off.stop();
        }
    }
}
