package com.coachintel.leads.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RFC 8058 one-click unsubscribe over a real socket: a GET only shows the page, a POST records. */
class UnsubscribeRequestsTest {

    static final FakeUseCases FAKES = new FakeUseCases();
    static final String LINK = "lead_id=3f2b8c1e-9d4a-4c2b-8e1f-0a1b2c3d4e5f&channel=email&v=1&token=abc-_123";
    static HttpApi api;
    static ContractClient client;

    @BeforeAll
    static void start() {
        api = new HttpApi(new HttpSettings("127.0.0.1", 0), FAKES.useCases()).start();
        client = new ContractClient(api.baseUrl());
    }

    @AfterAll
    static void stop() {
        api.stop();
    }

    @BeforeEach
    void clear() {
        FAKES.unsubscribes.clear();
    }

    @Test
    void a_get_shows_a_page_whose_button_posts_the_link_and_changes_nothing() {
        ContractClient.Exchange page = client.get("/unsubscribe?" + LINK);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("content-type")).startsWith("text/html");
        assertThat(page.header("content-security-policy")).contains("default-src 'none'").contains("form-action 'self'");
        assertThat(page.body()).contains("<form method=\"post\" action=\"/unsubscribe\">")
                .contains("name=\"token\" value=\"abc-_123\"").contains("name=\"channel\" value=\"email\"");
        assertThat(FAKES.unsubscribes).isEmpty();
    }

    @Test
    void the_page_escapes_what_the_link_carries() {
        ContractClient.Exchange page = client.send("GET", "/unsubscribe?lead_id=%22%3E%3Cscript%3Ealert(1)%3C/script%3E", null,
                true);

        assertThat(page.body()).doesNotContain("<script>").contains("&quot;&gt;&lt;script&gt;");
    }

    @Test
    void a_one_click_post_from_a_mail_client_records_with_the_link_in_the_query() {
        ContractClient.Exchange done = client.send("POST", "/unsubscribe?" + LINK, "List-Unsubscribe=One-Click", true,
                "Content-Type", "application/x-www-form-urlencoded");

        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains("If this link was yours");
        assertThat(FAKES.unsubscribes).containsExactly("3f2b8c1e-9d4a-4c2b-8e1f-0a1b2c3d4e5f|email|1|abc-_123");
    }

    @Test
    void the_pages_form_posts_the_link_in_its_body() {
        client.send("POST", "/unsubscribe", LINK, true, "Content-Type", "application/x-www-form-urlencoded");

        assertThat(FAKES.unsubscribes).containsExactly("3f2b8c1e-9d4a-4c2b-8e1f-0a1b2c3d4e5f|email|1|abc-_123");
    }

    @Test
    void coachintels_link_has_no_channel_or_version() {
        client.send("POST", "/unsubscribe?lead_id=3f2b8c1e-9d4a-4c2b-8e1f-0a1b2c3d4e5f&token=t", "List-Unsubscribe=One-Click",
                true, "Content-Type", "application/x-www-form-urlencoded");

        assertThat(FAKES.unsubscribes).containsExactly("3f2b8c1e-9d4a-4c2b-8e1f-0a1b2c3d4e5f|null|null|t");
    }
}
