package com.coachintel.leads.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A kept answer comes back as it went in: what an Idempotency-Key's retry is answered with. */
class HttpAnswerTest {

    @Test
    void an_answer_survives_being_stored() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Location", "/leads/3f2b8c1e-1111-4222-8333-444455556666");
        headers.put("ETag", "\"1\"");
        byte[] body = "{\"email\":\"zoë@example.com\"}".getBytes(StandardCharsets.UTF_8);

        HttpAnswer back = HttpAnswer.of(new HttpAnswer(201, headers, body).stored());

        assertThat(back.status()).isEqualTo(201);
        assertThat(back.headers()).containsExactlyEntriesOf(headers);
        assertThat(back.body()).isEqualTo(body);
        assertThat(back.succeeded()).isTrue();
        assertThat(new HttpAnswer(409, Map.of(), new byte[0]).succeeded()).isFalse();
    }
}
