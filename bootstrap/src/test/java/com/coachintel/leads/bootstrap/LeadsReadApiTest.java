package com.coachintel.leads.bootstrap;

import static com.coachintel.leads.adapter.persistence.LeadRows.aLead;
import static org.assertj.core.api.Assertions.assertThat;

import com.coachintel.leads.adapter.http.ContractClient;
import com.coachintel.leads.adapter.persistence.LeadRows;
import com.coachintel.leads.adapter.persistence.TestDatabase;
import com.coachintel.leads.adapter.persistence.TestPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The read API end to end: the real wiring over a real socket against PostgreSQL, every exchange checked
 * against docs/openapi.yaml.
 */
class LeadsReadApiTest {

    static final String COACH = "coach@acme.example";
    static final String RIVAL = "rival@other.example";

    static TestDatabase db;
    static LeadsApplication app;
    static ContractClient client;
    static ContractClient rival;
    static UUID ada;
    static UUID grace;
    static UUID elodie;
    static UUID alan;
    static UUID barbara;
    static UUID rivalsLead;

    @BeforeAll
    static void start() {
        db = TestPostgres.freshDatabase();
        UUID acme = LeadRows.insertOrg(db, "Acme Coaching");
        UUID other = LeadRows.insertOrg(db, "Other Coaching");
        LeadRows.insertUser(db, acme, COACH, true);
        LeadRows.insertUser(db, acme, "former@acme.example", false);
        LeadRows.insertUser(db, other, RIVAL, true);
        ada = aLead().named("Ada", "Lovelace").withEmail("ada@analytical.example").createdAt("2026-01-01T09:00:00Z")
                .withTags("vip", "newsletter").withPhone("+14155550100").withUtm("google", "cpc", "spring")
                .withNotes("Wants the 12-week program").insert(db, acme);
        grace = aLead().named("Grace", "Hopper").withEmail("Grace@Navy.example").createdAt("2026-01-02T09:00:00Z")
                .withStatus("invited").withTags("vip").insert(db, acme);
        elodie = aLead().named("Élodie", "Dupré").withEmail("elodie@example.fr").createdAt("2026-01-03T23:59:59Z")
                .withStatus("converted").withTags("newsletter").insert(db, acme);
        alan = aLead().named("Alan", "Turing").withEmail("alan_t@example.com").createdAt("2026-01-04T00:00:00Z")
                .withStatus("lost").insert(db, acme);
        barbara = aLead().named("Barbara", "Liskov").withEmail("100%barbara@example.com").createdAt("2026-01-05T12:00:00Z")
                .withStatus("invited").withTags("newsletter").insert(db, acme);
        rivalsLead = aLead().named("Ada", "Lovelace").withEmail("ada@analytical.example").withTags("vip")
                .createdAt("2026-01-01T09:00:00Z").insert(db, other);
        LeadRows.insertConsent(db, ada, "email", true, "2026-01-01T09:00:00Z", "signup_form");
        LeadRows.insertConsent(db, ada, "sms", true, "2026-01-01T09:05:00Z", "sms_opt_in_form");
        LeadRows.insertConsent(db, ada, "sms", false, "2026-01-10T09:00:00Z", "sms_stop_reply");
        LeadRows.insertStatusChange(db, grace, "waitlist", "invited", "2026-01-03T10:00:00Z", "cohort opened");
        LeadRows.insertEvent(db, ada, "email", "sent", "2026-01-02T10:00:00Z", "{\"campaign\": \"welcome\"}");
        LeadRows.insertEvent(db, ada, "email", "opened", "2026-01-02T11:00:00Z", "{}");
        LeadRows.insertEvent(db, ada, "sms", "sent", "2026-01-03T10:00:00Z", "{}");
        LeadRows.insertEvent(db, rivalsLead, "email", "sent", "2026-01-02T10:00:00Z", "{}");

        app = LeadsApplication.start(LeadsConfig.from(Map.of(
                "DATABASE_URL", db.jdbcUrl(), "DATABASE_USER", "postgres", "LEADS_HTTP_PORT", "0", "LEADS_DEMO_DATA", "false", "LEADS_JOBS_WORKER", "false"),
                new Properties()));
        client = new ContractClient(app.baseUrl()).withHeader("x-user-email", COACH);
        rival = new ContractClient(app.baseUrl()).withHeader("x-user-email", RIVAL);
    }

    @AfterAll
    static void stop() {
        app.close();
        db.close();
    }

    static List<String> ids(ContractClient.Exchange response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    static List<String> list(String query) {
        return ids(client.get("/leads" + query));
    }

    static String id(UUID uuid) {
        return uuid.toString();
    }

    @Test
    void lists_the_callers_leads_newest_first_with_the_exact_total() {
        ContractClient.Exchange response = client.get("/leads");

        assertThat(ids(response)).containsExactly(id(barbara), id(alan), id(elodie), id(grace), id(ada));
        assertThat(response.json().get("total").asLong()).isEqualTo(5);
        JsonNode first = response.json().get("items").get(4);
        assertThat(first.get("email").asText()).isEqualTo("ada@analytical.example");
        assertThat(first.get("phone").asText()).isEqualTo("+14155550100");
        assertThat(first.get("utm_campaign").asText()).isEqualTo("spring");
        assertThat(first.get("created_at").asText()).isEqualTo("2026-01-01T09:00:00Z");
        assertThat(first.has("notes")).as("notes only on the detail").isFalse();
    }

    @Test
    void filters_by_search_alone() {
        assertThat(list("?q=GRACE@navy")).containsExactly(id(grace));
        assertThat(list("?q=%C3%A9lodie")).containsExactly(id(elodie));
        assertThat(list("?q=ada%20lovelace")).containsExactly(id(ada));
        assertThat(list("?q=%25")).containsExactly(id(barbara));
        assertThat(list("?q=n_t")).containsExactly(id(alan));
        assertThat(list("?q=_")).containsExactly(id(alan));
    }

    @Test
    void filters_by_status_alone() {
        assertThat(list("?status=invited")).containsExactly(id(barbara), id(grace));
        assertThat(list("?status=converted,lost")).containsExactly(id(alan), id(elodie));
        assertThat(list("?status=waitlist&status=lost")).containsExactly(id(alan), id(ada));
    }

    @Test
    void filters_by_tags_alone() {
        assertThat(list("?tag=VIP")).containsExactly(id(grace), id(ada));
        assertThat(list("?tag=vip&tag=newsletter")).containsExactly(id(ada));
        assertThat(list("?tag=unused")).isEmpty();
    }

    @Test
    void filters_by_dates_alone() {
        assertThat(list("?date_from=2026-01-03")).containsExactly(id(barbara), id(alan), id(elodie));
        assertThat(list("?date_to=2026-01-03")).containsExactly(id(elodie), id(grace), id(ada));
        assertThat(list("?date_from=2026-01-02&date_to=2026-01-02")).containsExactly(id(grace));
        assertThat(list("?date_from=2026-01-04T00:00:00Z")).containsExactly(id(barbara), id(alan));
        assertThat(list("?date_to=2026-01-04T01:00:00%2B01:00")).containsExactly(id(alan), id(elodie), id(grace), id(ada));
    }

    @Test
    void combines_filters() {
        assertThat(list("?status=invited,waitlist&tag=vip&date_from=2026-01-02")).containsExactly(id(grace));
        assertThat(list("?q=a&tag=newsletter&status=invited")).containsExactly(id(barbara));
        ContractClient.Exchange response = client.get("/leads?q=example&status=invited,lost,converted&limit=2");
        assertThat(ids(response)).containsExactly(id(barbara), id(alan));
        assertThat(response.json().get("total").asLong()).isEqualTo(4);
    }

    @Test
    void paginates_with_stable_slices_and_edges() {
        List<String> all = list("?limit=500");

        assertThat(list("?limit=2")).isEqualTo(all.subList(0, 2));
        assertThat(list("?limit=2&offset=2")).isEqualTo(all.subList(2, 4));
        assertThat(list("?limit=2&offset=4")).isEqualTo(all.subList(4, 5));
        ContractClient.Exchange past = client.get("/leads?limit=1&offset=5");
        assertThat(ids(past)).isEmpty();
        assertThat(past.json().get("total").asLong()).isEqualTo(5);
        assertThat(past.json().get("offset").asInt()).isEqualTo(5);
        assertThat(list("?limit=1&offset=2147483647")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "?status=pending|status",
        "?tag=a;b|tag",
        "?limit=0|limit",
        "?limit=501|limit",
        "?offset=-1|offset",
        "?stauts=invited|stauts",
        "?date_from=2026-13-01|date_from",
        "?date_to=yesterday|date_to",
    })
    void bad_input_is_a_400_problem_naming_it(String query, String field) {
        ContractClient.Exchange response = client.getInvalid("/leads" + query);

        response.assertProblem(400, "validation-failed");
        assertThat(response.errorFields()).containsExactly(field);
    }

    @Test
    void a_long_search_and_reversed_dates_are_refused() {
        assertThat(client.getInvalid("/leads?q=" + "y".repeat(201)).errorFields()).containsExactly("q");
        assertThat(client.getInvalid("/leads?date_from=2026-01-05&date_to=2026-01-04").errorFields())
                .containsExactly("date_from", "date_to");
    }

    @Test
    void the_detail_has_notes_latest_consents_and_status_history() {
        JsonNode ada = client.get("/leads/" + LeadsReadApiTest.ada).json();
        JsonNode grace = client.get("/leads/" + LeadsReadApiTest.grace).json();

        assertThat(ada.get("notes").asText()).isEqualTo("Wants the 12-week program");
        assertThat(ada.get("consents").get("email").get("status").asText()).isEqualTo("granted");
        assertThat(ada.get("consents").get("email").get("source").asText()).isEqualTo("signup_form");
        assertThat(ada.get("consents").get("sms").get("status").asText()).isEqualTo("revoked");
        assertThat(ada.get("consents").get("sms").get("captured_at").asText()).isEqualTo("2026-01-10T09:00:00Z");
        assertThat(grace.get("consents").get("email").isNull()).isTrue();
        // The same, as CoachIntel's drawer reads it.
        assertThat(ada.get("consent_email").asText()).isEqualTo("opted_in");
        assertThat(ada.get("consent_sms").asText()).isEqualTo("opted_out");
        assertThat(grace.get("consent_email").asText()).isEqualTo("unknown");
        assertThat(grace.get("recent_status_changes").get(0).get("from").asText()).isEqualTo("waitlist");
        assertThat(grace.get("recent_status_changes").get(0).get("reason").asText()).isEqualTo("cohort opened");
    }

    @Test
    void events_are_an_array_newest_first_with_filters_and_pages_in_headers() {
        ContractClient.Exchange all = client.get("/leads/" + ada + "/events");
        ContractClient.Exchange email = client.get("/leads/" + ada + "/events?channel=email&limit=1&offset=1");
        ContractClient.Exchange sent = client.get("/leads/" + ada + "/events?type=sent");

        assertThat(all.json().isArray()).isTrue();
        assertThat(all.header("X-Total-Count")).isEqualTo("3");
        assertThat(all.header("Link")).isNull();
        assertThat(all.json().get(0).get("channel").asText()).isEqualTo("sms");
        assertThat(all.json().get(0).get("id").isTextual()).isTrue();
        assertThat(all.json().get(2).get("meta").get("campaign").asText()).isEqualTo("welcome");
        assertThat(email.header("X-Total-Count")).isEqualTo("2");
        assertThat(email.json()).hasSize(1);
        assertThat(email.json().get(0).get("type").asText()).isEqualTo("sent");
        assertThat(email.header("Link")).isEqualTo("<?channel=email&limit=1&offset=0>; rel=\"prev\"");
        assertThat(client.get("/leads/" + ada + "/events?channel=email&limit=1").header("Link"))
                .isEqualTo("<?channel=email&limit=1&offset=1>; rel=\"next\"");
        assertThat(sent.header("X-Total-Count")).isEqualTo("2");
        assertThat(client.getInvalid("/leads/" + ada + "/events?type=seen").errorFields()).containsExactly("type");
    }

    @Test
    void another_orgs_lead_is_404_exactly_like_a_missing_one_on_every_endpoint() {
        String missing = UUID.randomUUID().toString();
        for (String suffix : new String[] {"", "/events"}) {
            JsonNode foreign = client.get("/leads/" + rivalsLead + suffix).assertProblem(404, "lead-not-found");
            JsonNode absent = client.get("/leads/" + missing + suffix).assertProblem(404, "lead-not-found");
            assertThat(foreign.get("title")).isEqualTo(absent.get("title"));
            assertThat(foreign.get("detail").asText()).isEqualTo(absent.get("detail").asText().replace(missing, id(rivalsLead)));
        }
        assertThat(ids(rival.get("/leads"))).containsExactly(id(rivalsLead));
        assertThat(list("?q=ada")).containsExactly(id(ada));
        assertThat(rival.get("/leads/" + ada).status()).isEqualTo(404);
        assertThat(rival.get("/leads/" + ada + "/events").status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/leads", "/leads/%s", "/leads/%s/events"})
    void every_endpoint_needs_a_known_active_user(String template) {
        String path = template.formatted(ada);

        client.getInvalid(path, "x-user-email", null).assertProblem(401, "authentication-required");
        client.getInvalid(path, "x-user-email", "  ").assertProblem(401, "authentication-required");
        client.get(path, "x-user-email", "nobody@acme.example").assertProblem(401, "authentication-required");
        client.get(path, "x-user-email", "former@acme.example").assertProblem(403, "account-inactive");
        assertThat(client.get(path, "x-user-email", "  COACH@Acme.example ").status()).isEqualTo(200);
    }

    @Test
    void a_malformed_id_is_400_on_every_lead_endpoint() {
        assertThat(client.getInvalid("/leads/nope").errorFields()).containsExactly("id");
        assertThat(client.getInvalid("/leads/nope/events").errorFields()).containsExactly("id");
    }
}
