package com.coachintel.leads.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachintel.leads.domain.LeadStatus;
import com.coachintel.leads.domain.MessageChannel;
import com.coachintel.leads.domain.MessageEventType;
import com.coachintel.leads.domain.Tag;
import com.coachintel.leads.domain.query.LeadQuery;
import java.time.Instant;
import java.util.Optional;
import com.coachintel.leads.domain.query.LeadFilters;
import com.coachintel.leads.domain.query.ListPosition;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How the read endpoints turn query strings into queries, and which inputs they refuse: over a real
 * socket, with the use cases faked (the SQL behind them is tested against PostgreSQL elsewhere).
 */
class LeadReadRequestsTest {

    static final FakeUseCases FAKES = new FakeUseCases();
    static HttpApi api;
    static HttpApi guarded;
    static ContractClient client;

    @BeforeAll
    static void start() {
        api = new HttpApi(new HttpSettings("127.0.0.1", 0), FAKES.useCases()).start();
        guarded = new HttpApi(new HttpSettings("127.0.0.1", 0, Optional.of("s3cret")), FAKES.useCases()).start();
        client = new ContractClient(api.baseUrl()).withHeader("x-user-email", FakeUseCases.ACTIVE);
    }

    @AfterAll
    static void stop() {
        api.stop();
        guarded.stop();
    }

    static LeadQuery listWith(String query) {
        ContractClient.Exchange response = client.get("/leads" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return FAKES.lastLeadQuery.get();
    }

    @Test
    void no_parameters_mean_every_lead_first_page_of_50() {
        LeadQuery query = listWith("");

        assertThat(query).isEqualTo(LeadQuery.all());
        assertThat(client.get("/leads").json().get("limit").asInt()).isEqualTo(50);
    }

    @Test
    void answers_the_page_envelope_with_snake_case_items() {
        var body = client.get("/leads?limit=10&offset=20").json();

        assertThat(body.get("total").asLong()).isEqualTo(1);
        assertThat(body.get("limit").asInt()).isEqualTo(10);
        assertThat(body.get("offset").asInt()).isEqualTo(20);
        var item = body.get("items").get(0);
        assertThat(item.get("id").asText()).isEqualTo("3f2b8c1e-1111-4222-8333-444455556666");
        assertThat(item.get("created_at").asText()).isEqualTo("2026-01-01T09:00:00Z");
        assertThat(item.get("status").asText()).isEqualTo("invited");
        assertThat(item.get("last_name").isNull()).isTrue();
        assertThat(item.get("tags").get(0).asText()).isEqualTo("vip");
        assertThat(item.has("utm_campaign")).isTrue();
    }

    @Test
    void search_is_trimmed_and_blank_is_no_search() {
        assertThat(listWith("?q=%20%20Ada%20").filters().search()).hasValueSatisfying(term -> assertThat(term.text()).isEqualTo("Ada"));
        assertThat(listWith("?q=%20%20").filters().search()).isEmpty();
    }

    @Test
    void statuses_come_comma_separated_or_repeated() {
        assertThat(listWith("?status=invited,converted").filters().statuses()).containsExactlyInAnyOrder(LeadStatus.INVITED, LeadStatus.CONVERTED);
        assertThat(listWith("?status=lost&status=waitlist").filters().statuses()).containsExactlyInAnyOrder(LeadStatus.LOST, LeadStatus.WAITLIST);
        assertThat(listWith("?status=").filters().statuses()).isEmpty();
    }

    @Test
    void tags_are_normalised_and_all_required() {
        assertThat(listWith("?tag=VIP&tag=%20Newsletter").filters().tags()).containsExactlyInAnyOrder(new Tag("vip"), new Tag("newsletter"));
    }

    @Test
    void a_date_to_includes_that_whole_utc_day_and_date_times_keep_their_offset() {
        LeadQuery days = listWith("?date_from=2026-01-01&date_to=2026-01-31");
        LeadQuery times = listWith("?date_from=2026-01-01T10:00:00%2B02:00&date_to=2026-01-01T12:00:00Z");

        assertThat(days.filters().created().from()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(days.filters().created().toExclusive()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(times.filters().created().from()).isEqualTo(Instant.parse("2026-01-01T08:00:00Z"));
        assertThat(times.filters().created().toExclusive()).isEqualTo(Instant.parse("2026-01-01T12:00:00.000001Z"));
        assertThat(listWith("?date_from=2026-01-05&date_to=2026-01-05").filters().created().toExclusive())
                .isEqualTo(Instant.parse("2026-01-06T00:00:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "?status=pending|status|'pending' is not one of waitlist, invited, converted, lost",
        "?status=invited,Converted|status|'Converted' is not one of",
        "?tag=a,b|tag|may contain only letters, digits, spaces and",
        "?limit=0|limit|must be a whole number from 1 to 500, got '0'",
        "?limit=501|limit|from 1 to 500",
        "?limit=ten|limit|got 'ten'",
        "?offset=-1|offset|must be a whole number from 0 to",
        "?offset=1.5|offset|got '1.5'",
        "?stauts=invited|stauts|is not a parameter of this endpoint; accepted: cursor, date_from, date_to, limit, offset, q, status, tag",
        "?limit=10&limit=20|limit|may be given once, got 2 values",
        "?q=a&q=b|q|may be given once",
        "?date_from=01/02/2026|date_from|must be a date (YYYY-MM-DD) or an ISO-8601 date-time with offset",
        "?date_from=2026-02-30|date_from|must be a date",
        "?date_to=2026-01-01T10:00:00|date_to|must be a date",
        "?date_to=2026-01-01T10:00:00+02:00|date_to|a '+' in a query string must be sent as %2B",
        "?date_from=10000-01-01|date_from|must be a date",
    })
    void bad_input_is_a_400_problem_naming_the_parameter(String query, String field, String message) {
        ContractClient.Exchange response = client.getInvalid("/leads" + query);

        var problem = response.assertProblem(400, "validation-failed");
        assertThat(response.errorFields()).containsExactly(field);
        assertThat(problem.get("errors").get(0).get("message").asText()).contains(message);
    }

    @Test
    void a_search_term_over_200_characters_is_refused() {
        assertThat(listWith("?q=" + "x".repeat(200)).filters().search()).isPresent();

        ContractClient.Exchange response = client.getInvalid("/leads?q=" + "x".repeat(201));

        response.assertProblem(400, "validation-failed");
        assertThat(response.errorFields()).containsExactly("q");
    }

    @Test
    void more_than_25_tags_are_refused() {
        StringBuilder query = new StringBuilder("?tag=t0");
        for (int i = 1; i <= 25; i++) {
            query.append("&tag=t").append(i);
        }

        client.getInvalid("/leads" + query).assertProblem(400, "validation-failed");
    }

    @Test
    void a_start_after_the_end_names_both_dates() {
        ContractClient.Exchange response = client.getInvalid("/leads?date_from=2026-02-01&date_to=2026-01-31");

        response.assertProblem(400, "validation-failed");
        assertThat(response.errorFields()).containsExactly("date_from", "date_to");
    }

    @Test
    void every_bad_parameter_is_named_in_one_answer() {
        ContractClient.Exchange response = client.getInvalid("/leads?status=nope&limit=0&offset=x&sort=name");

        response.assertProblem(400, "validation-failed");
        assertThat(response.errorFields()).containsExactlyInAnyOrder("sort", "status", "limit", "offset");
    }

    @Test
    void a_malformed_lead_id_is_a_400_on_every_lead_route() {
        for (String path : new String[] {"/leads/42", "/leads/not-a-uuid/events"}) {
            ContractClient.Exchange response = client.getInvalid(path);
            response.assertProblem(400, "validation-failed");
            assertThat(response.errorFields()).containsExactly("id");
        }
    }

    @Test
    void an_unknown_lead_is_a_404_problem() {
        String unknown = "/leads/3f2b8c1e-0000-4000-8000-000000000000";

        client.get(unknown).assertProblem(404, "lead-not-found");
        client.get(unknown + "/events").assertProblem(404, "lead-not-found");
    }

    @Test
    void the_detail_and_events_take_no_unknown_parameters() {
        String lead = "/leads/" + FakeUseCases.LEAD.id();

        assertThat(client.getInvalid(lead + "?verbose=1").errorFields()).containsExactly("verbose");
        assertThat(client.getInvalid(lead + "/events?kind=sent").errorFields()).containsExactly("kind");
    }

    @Test
    void event_filters_parse_types_channels_and_pages() {
        String path = "/leads/" + FakeUseCases.LEAD.id() + "/events?type=opened,clicked&channel=email&limit=5&offset=5";

        assertThat(client.get(path).status()).isEqualTo(200);
        assertThat(FAKES.lastEventQuery.get().types()).containsExactlyInAnyOrder(MessageEventType.OPENED, MessageEventType.CLICKED);
        assertThat(FAKES.lastEventQuery.get().channels()).containsExactly(MessageChannel.EMAIL);
        assertThat(FAKES.lastEventQuery.get().page().offset()).isEqualTo(5);
        ContractClient.Exchange bad = client.getInvalid("/leads/" + FakeUseCases.LEAD.id() + "/events?type=seen&channel=fax");
        bad.assertProblem(400, "validation-failed");
        assertThat(bad.errorFields()).containsExactly("type", "channel");
    }

    @Test
    void missing_blank_and_unknown_emails_are_one_and_the_same_401() {
        String[] emails = {null, "   ", "stranger@example.com"};
        String firstBody = null;
        for (String email : emails) {
            ContractClient.Exchange response = client.getInvalid("/leads", "x-user-email", email);
            var problem = response.assertProblem(401, "authentication-required");
            String detail = problem.get("detail").asText();
            firstBody = firstBody == null ? detail : firstBody;
            assertThat(detail).isEqualTo(firstBody);
        }
    }

    @Test
    void the_email_is_trimmed_and_case_insensitive() {
        assertThat(client.get("/leads", "x-user-email", "  COACH@example.com ").status()).isEqualTo(200);
    }

    @Test
    void an_inactive_user_gets_403_on_every_route() {
        for (String path : new String[] {"/leads", "/leads/" + FakeUseCases.LEAD.id(), "/leads/" + FakeUseCases.LEAD.id() + "/events"}) {
            client.get(path, "x-user-email", FakeUseCases.INACTIVE).assertProblem(403, "account-inactive");
        }
    }

    @Test
    void with_a_proxy_secret_configured_requests_without_it_are_401() {
        ContractClient guardedClient = new ContractClient(guarded.baseUrl()).withHeader("x-user-email", FakeUseCases.ACTIVE);

        guardedClient.get("/leads").assertProblem(401, "proxy-authentication-required");
        guardedClient.get("/leads", "x-proxy-secret", "wrong").assertProblem(401, "proxy-authentication-required");
        guardedClient.get("/leads/" + FakeUseCases.LEAD.id(), "x-proxy-secret", "s3cre").assertProblem(401,
                "proxy-authentication-required");
        assertThat(guardedClient.get("/leads", "x-proxy-secret", "s3cret").status()).isEqualTo(200);
        assertThat(guardedClient.get("/health").status()).as("operations stay open").isEqualTo(200);
    }

    @Test
    void the_detail_carries_notes_consents_and_history() {
        var body = client.get("/leads/" + FakeUseCases.LEAD.id()).json();

        assertThat(body.get("notes").asText()).isEqualTo("Prefers mornings");
        assertThat(body.get("consents").get("email").isNull()).isTrue();
        assertThat(body.get("consents").get("sms").isNull()).isTrue();
        assertThat(body.get("recent_status_changes").isArray()).isTrue();
        assertThat(body.get("version").asLong()).isEqualTo(3);
    }

    // The keyset cursor: where it leads, what it answers, and every way it is refused.

    @AfterEach
    void noMoreToFollow() {
        FAKES.listHasMore.set(false);
    }

    @Test
    void a_page_with_more_to_follow_names_the_cursor_after_its_last_lead_and_the_last_page_null() {
        FAKES.listHasMore.set(true);
        JsonNode more = client.get("/leads?status=invited&limit=1").json();
        FAKES.listHasMore.set(false);
        JsonNode last = client.get("/leads?status=invited&limit=1").json();

        String cursor = more.get("next_cursor").asText();
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(more.get("offset").asInt()).isZero();
        assertThat(last.get("next_cursor").isNull()).isTrue();

        JsonNode next = client.get("/leads?status=invited&limit=1&cursor=" + cursor).json();
        LeadQuery asked = FAKES.lastLeadQuery.get();
        assertThat(asked.after()).contains(new ListPosition(FakeUseCases.LEAD.createdAt(), FakeUseCases.LEAD.id()));
        assertThat(asked.filters()).isEqualTo(LeadFilters.none().withStatuses(Set.of(LeadStatus.INVITED)));
        assertThat(asked.page().limit()).isEqualTo(1);
        assertThat(next.get("offset").isNull()).as("a cursor page has no offset").isTrue();
        assertThat(next.get("total").asLong()).isEqualTo(1);
    }

    @Test
    void a_cursor_keeps_microseconds_and_any_uuid() {
        ListPosition deep = new ListPosition(Instant.parse("2024-02-29T23:59:59.999999Z"),
                new com.coachintel.leads.domain.LeadId(java.util.UUID.fromString("ffffffff-ffff-4fff-bfff-ffffffffffff")));
        String cursor = LeadCursors.after(deep, LeadFilters.none());

        client.get("/leads?cursor=" + cursor);

        assertThat(FAKES.lastLeadQuery.get().after()).contains(deep);
    }

    @Test
    void a_cursor_used_with_other_filters_is_refused() {
        String forAll = LeadCursors.after(new ListPosition(Instant.parse("2026-01-01T00:00:00Z"), FakeUseCases.LEAD.id()),
                LeadFilters.none());

        client.getInvalid("/leads?status=lost&cursor=" + forAll).assertProblem(400, "validation-failed");
        JsonNode problem = client.getInvalid("/leads?q=ada&cursor=" + forAll).assertProblem(400, "validation-failed");
        assertThat(problem.toString()).contains("cursor").contains("other filters");
    }

    @Test
    void a_cursor_with_an_offset_or_one_this_api_never_issued_is_refused() {
        String cursor = LeadCursors.after(new ListPosition(Instant.parse("2026-01-01T00:00:00Z"), FakeUseCases.LEAD.id()),
                LeadFilters.none());
        JsonNode both = client.getInvalid("/leads?offset=0&cursor=" + cursor).assertProblem(400, "validation-failed");
        assertThat(both.toString()).contains("cannot be combined with offset");

        String wrongVersion = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("v9 1 " + FakeUseCases.LEAD.id() + " 0000000000000000").getBytes());
        String badTime = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("v1 soon " + FakeUseCases.LEAD.id() + " " + LeadCursors.fingerprint(LeadFilters.none())).getBytes());
        String badId = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("v1 1 not-a-uuid " + LeadCursors.fingerprint(LeadFilters.none())).getBytes());
        for (String malformed : new String[] {"abc", "!!", wrongVersion, badTime, badId, "A".repeat(201)}) {
            JsonNode problem = client.getInvalid("/leads?cursor=" + malformed).assertProblem(400, "validation-failed");
            assertThat(problem.toString()).as(malformed).contains("cursor").contains("is not a cursor this API issued");
        }
        assertThat(client.getInvalid("/leads?cursor=%25%25%25").status()).as("not base64url").isEqualTo(400);
    }
}
