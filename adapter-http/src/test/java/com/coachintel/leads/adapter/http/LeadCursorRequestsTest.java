package com.coachintel.leads.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachintel.leads.domain.LeadStatus;
import com.coachintel.leads.domain.query.LeadFilters;
import com.coachintel.leads.domain.query.LeadQuery;
import com.coachintel.leads.domain.query.ListPosition;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The list's keyset cursor over a real socket: where it leads, what it answers, and every way it is refused. */
class LeadCursorRequestsTest {

    static final FakeUseCases FAKES = new FakeUseCases();
    static HttpApi api;
    static ContractClient client;

    @BeforeAll
    static void start() {
        api = new HttpApi(new HttpSettings("127.0.0.1", 0), FAKES.useCases()).start();
        client = new ContractClient(api.baseUrl()).withHeader("x-user-email", FakeUseCases.ACTIVE);
    }

    @AfterAll
    static void stop() {
        api.stop();
    }

    @AfterEach
    void reset() {
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
