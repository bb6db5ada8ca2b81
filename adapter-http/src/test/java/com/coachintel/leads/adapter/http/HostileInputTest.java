package com.coachintel.leads.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input that used to be dropped or altered silently: each is a 400 problem naming what is wrong, written on a real
 * socket exactly as a hostile client sends it (java.net.http refuses to send most of these).
 */
class HostileInputTest {

    static final String LEAD = "/leads/3f2b8c1e-1111-4222-8333-444455556666";
    static final String USER = "\r\nHost: x\r\nx-user-email: " + FakeUseCases.ACTIVE;
    static HttpApi api;

    @BeforeAll
    static void start() {
        api = new HttpApi(new HttpSettings("127.0.0.1", 0), new FakeUseCases().useCases()).start();
    }

    @AfterAll
    static void stop() {
        api.stop();
    }

    static RawHttp.Response get(String pathAndQuery, String... extraHeaders) {
        return RawHttp.exchange(api.baseUrl(), "GET " + pathAndQuery + " HTTP/1.1" + USER + String.join("", extraHeaders));
    }

    static RawHttp.Response send(String method, String pathAndQuery, String body) {
        return RawHttp.exchange(api.baseUrl(), method + " " + pathAndQuery + " HTTP/1.1" + USER
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                + "\r\n\r\n" + body);
    }

    static void assertNamed(RawHttp.Response response, String field, String... words) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().get("content-type")).startsWith("application/problem+json");
        List<String> fields = new java.util.ArrayList<>();
        response.json().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertThat(fields).as(response.body()).contains(field);
        assertThat(response.body()).contains(words);
    }

    static Stream<Arguments> brokenQueries() {
        return Stream.of(
                Arguments.of("/leads?status=%zz", "status", "malformed percent-escape"),
                Arguments.of("/leads?q=%", "q", "malformed percent-escape"),
                Arguments.of("/leads?limit=%", "limit", "malformed percent-escape"),
                Arguments.of("/leads?q=%C3%28", "q", "not valid UTF-8"),
                Arguments.of("/leads?q=%FF", "q", "not valid UTF-8"),
                Arguments.of("/leads?limit=%D9%A5", "limit", "whole number"), // Arabic-Indic five
                Arguments.of("/leads?limit=%EF%BC%95", "limit", "whole number"), // fullwidth five
                Arguments.of("/leads?offset=%EF%BC%91%EF%BC%90", "offset", "whole number"),
                Arguments.of("/leads/exports?limit=%D9%A5", "limit", "whole number"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenQueries")
    void a_broken_query_parameter_is_400_naming_it(String pathAndQuery, String field, String words) {
        assertNamed(get(pathAndQuery), field, words);
    }

    static Stream<Arguments> endpointsWithoutQueryParameters() {
        return Stream.of(
                Arguments.of("PATCH", LEAD + "?force=true", "{\"tags\": []}"),
                Arguments.of("PATCH", LEAD + "/notes?force=true", "{\"notes\": \"x\"}"),
                Arguments.of("POST", LEAD + "/status?force=true", "{\"status\": \"invited\"}"),
                Arguments.of("POST", "/leads/export?force=true", "{}"),
                Arguments.of("POST", "/leads/exports?force=true", "{}"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpointsWithoutQueryParameters")
    void an_unknown_query_parameter_on_a_write_is_400_naming_it(String method, String pathAndQuery, String body) {
        assertNamed(send(method, pathAndQuery, body), "force", "is not a parameter of this endpoint");
    }

    @Test
    void a_non_canonical_uuid_is_not_read_as_another_id() {
        assertNamed(get("/leads/024aeca23-408-4b2c-8e1f-0a1b2c3d4e5f"), "id", "a lead id");
    }

    static Stream<Arguments> brokenBodies() {
        return Stream.of(
                Arguments.of(LEAD + "/notes", "{\"notes\": \"a\", \"notes\": \"b\"}", "notes", "more than once"),
                Arguments.of(LEAD + "/notes", "{\"notes\": \"a\"} {\"notes\": \"b\"}", "body", "not valid JSON"),
                Arguments.of(LEAD + "/notes", "{\"notes\": \"a\"}x", "body", "not valid JSON"),
                Arguments.of(LEAD, "{\"tags\": [\"a\"], \"tags\": [\"b\"]}", "tags", "more than once"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("brokenBodies")
    void a_body_that_is_not_one_clean_document_is_400_naming_it(String path, String body, String field, String words) {
        assertNamed(send("PATCH", path, body), field, words);
    }

    @Test
    void an_export_filter_that_takes_one_value_refuses_an_array() {
        assertNamed(send("POST", "/leads/export", "{\"q\": [\"ann\", \"bob\"]}"), "q", "got an array");
    }

    @Test
    void a_status_change_with_two_statuses_or_an_array_is_refused() {
        assertNamed(send("POST", LEAD + "/status", "{\"status\": \"invited\", \"status\": \"lost\"}"), "status", "more than once");
        assertNamed(send("POST", LEAD + "/status", "{\"status\": [\"invited\"]}"), "status", "must be a string");
    }

    @Test
    void a_credential_header_sent_twice_is_refused_naming_it() {
        assertNamed(get("/leads", "\r\nx-user-email: someone@else.example"), "x-user-email", "may be sent once");
        assertNamed(get("/leads", "\r\nx-proxy-secret: a\r\nx-proxy-secret: b"), "x-proxy-secret", "may be sent once");
    }
}
