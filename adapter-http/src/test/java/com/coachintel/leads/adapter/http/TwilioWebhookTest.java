package com.coachintel.leads.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachintel.leads.domain.ConsentStatus;
import com.coachintel.leads.domain.MessageChannel;
import com.coachintel.leads.domain.MessageEventType;
import com.coachintel.leads.domain.message.ProviderReport;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Twilio's callbacks, signed as Twilio signs them, over a real socket. */
class TwilioWebhookTest {

    static final FakeUseCases FAKES = new FakeUseCases();
    static final String TOKEN = "twilio-auth-token-0001";
    static final String BASE = "https://leads.example.com";
    static final String SID = "SM0123456789abcdef0123456789abcdef";
    static HttpApi api;
    static ContractClient client;

    @BeforeAll
    static void start() {
        api = new HttpApi(new HttpSettings("127.0.0.1", 0).withTwilio(TOKEN, Optional.of(BASE)), FAKES.useCases()).start();
        client = new ContractClient(api.baseUrl());
    }

    @AfterAll
    static void stop() {
        api.stop();
    }

    @BeforeEach
    void clear() {
        FAKES.reports.clear();
    }

    @Test
    void the_signature_is_twilios_documented_test_vector() {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("CallSid", List.of("CA1234567890ABCDE"));
        form.put("Caller", List.of("+14158675309"));
        form.put("Digits", List.of("1234"));
        form.put("From", List.of("+14158675309"));
        form.put("To", List.of("+18005551212"));

        assertThat(TwilioWebhook.signature("12345".getBytes(StandardCharsets.UTF_8), "https://mycompany.com/myapp.php?foo=1&bar=2",
                form)).isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    }

    static ContractClient.Exchange post(String query, Map<String, String> params, String signature) {
        String body = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String path = "/webhooks/twilio" + query;
        String sign = signature != null ? signature : TwilioWebhook.signature(TOKEN.getBytes(StandardCharsets.UTF_8), BASE + path,
                params.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))));
        // The request is not checked against the contract: the validator reads form values such as +14155550123 as
        // numbers, where Twilio (and the contract) mean strings. The answer is checked.
        return client.send("POST", path, body, null, "Content-Type", "application/x-www-form-urlencoded",
                "X-Twilio-Signature", sign);
    }

    static Map<String, String> statusCallback(String status) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("MessageSid", SID);
        params.put("MessageStatus", status);
        params.put("AccountSid", "AC0123456789abcdef0123456789abcdef");
        params.put("From", "+15005550006");
        params.put("To", "+14155550123");
        return params;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"sent,sent", "delivered,delivered", "failed,failed", "undelivered,failed"})
    void a_status_callback_becomes_an_sms_event_on_the_lead_of_the_callback_url(String status, String type) {
        ContractClient.Exchange response = post("?lead_id=3f2b8c1e-9d4a-4c2b-8e1f-0a1b2c3d4e5f", statusCallback(status), null);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(TwilioWebhook.EMPTY_TWIML);
        ProviderReport report = FAKES.reports.get(0);
        assertThat(report.channel()).isEqualTo(MessageChannel.SMS);
        assertThat(report.type().wireName()).isEqualTo(type);
        assertThat(report.address()).isEqualTo("+14155550123");
        assertThat(report.leadHint()).map(id -> id.value().toString()).contains("3f2b8c1e-9d4a-4c2b-8e1f-0a1b2c3d4e5f");
        assertThat(report.eventKey()).isEqualTo("twilio|" + SID + "|" + status);
    }

    @Test
    void a_status_that_is_no_event_is_acknowledged() {
        assertThat(post("", statusCallback("queued"), null).status()).isEqualTo(200);
        assertThat(FAKES.reports).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"STOP,REVOKED", " stop ,REVOKED", "Unsubscribe,REVOKED", "QUIT,REVOKED", "START,GRANTED", "unstop,GRANTED",
        "YES,GRANTED"})
    void an_inbound_carrier_keyword_changes_sms_consent_for_the_number(String body, ConsentStatus status) {
        Map<String, String> inbound = new LinkedHashMap<>();
        inbound.put("MessageSid", SID);
        inbound.put("SmsStatus", "received");
        inbound.put("From", "+14155550123");
        inbound.put("To", "+15005550006");
        inbound.put("Body", body);

        assertThat(post("", inbound, null).status()).isEqualTo(200);

        ProviderReport report = FAKES.reports.get(0);
        assertThat(report.scope()).isEqualTo(ProviderReport.Scope.ADDRESS);
        assertThat(report.address()).isEqualTo("+14155550123");
        assertThat(report.consent()).map(ProviderReport.ConsentChange::status).contains(status);
        assertThat(report.type()).isEqualTo(status == ConsentStatus.REVOKED ? MessageEventType.UNSUBSCRIBED : MessageEventType.REPLIED);
        assertThat(report.metaJson()).doesNotContain(body.strip());
    }

    @Test
    void an_inbound_reply_that_is_no_keyword_records_nothing() {
        Map<String, String> inbound = new LinkedHashMap<>(Map.of("MessageSid", SID, "From", "+14155550123", "To",
                "+15005550006", "Body", "Please stop calling me at work"));

        assertThat(post("", inbound, null).status()).isEqualTo(200);
        assertThat(FAKES.reports).isEmpty();
    }

    @Test
    void a_bad_signature_is_403_and_records_nothing() {
        post("", statusCallback("delivered"), "AAAAAAAAAAAAAAAAAAAAAAAAAAA=").assertProblem(403, "signature-refused");
        Map<String, String> tampered = statusCallback("delivered");
        String signature = TwilioWebhook.signature(TOKEN.getBytes(StandardCharsets.UTF_8), BASE + "/webhooks/twilio",
                tampered.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))));
        tampered.put("To", "+14155550999");
        post("", tampered, signature).assertProblem(403, "signature-refused");
        assertThat(FAKES.reports).isEmpty();
    }

    @Test
    void a_signed_callback_of_the_wrong_shape_is_400_naming_the_parameter() {
        Map<String, String> noSid = statusCallback("delivered");
        noSid.remove("MessageSid");
        ContractClient.Exchange response = client.send("POST", "/webhooks/twilio", "MessageStatus=delivered&To=%2B14155550123",
                null, "Content-Type", "application/x-www-form-urlencoded", "X-Twilio-Signature",
                TwilioWebhook.signature(TOKEN.getBytes(StandardCharsets.UTF_8), BASE + "/webhooks/twilio",
                        Map.of("MessageStatus", List.of("delivered"), "To", List.of("+14155550123"))));

        response.assertProblem(400, "validation-failed");
        assertThat(response.errorFields()).contains("MessageSid");
    }
}
