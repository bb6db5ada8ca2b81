package com.coachintel.leads.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What Jetty answers before Javalin's routes run is problem+json too, over a real socket. */
class JettyLevelErrorsTest {

    static final String LEAD = "3f2b8c1e-1111-4222-8333-444455556666";
    static HttpApi api;

    @BeforeAll
    static void start() {
        api = new HttpApi(new HttpSettings("127.0.0.1", 0), new FakeUseCases().useCases()).start();
    }

    @AfterAll
    static void stop() {
        api.stop();
    }

    static Stream<Arguments> brokenRequests() {
        String user = "\r\nHost: x\r\nx-user-email: demo@coachintel.test";
        String pad = "a".repeat(10_000);
        return Stream.of(
                Arguments.of("an over-long header", "GET /health HTTP/1.1\r\nHost: x\r\nX-Padding: " + pad, 431),
                Arguments.of("an over-long URI", "GET /leads?q=" + pad + " HTTP/1.1" + user, 414),
                Arguments.of("a broken percent-escape in the path", "GET /leads/%zz HTTP/1.1" + user, 400),
                Arguments.of("a PATCH on an id with braces", "PATCH /leads/{" + LEAD + "} HTTP/1.1" + user
                        + "\r\nContent-Type: application/json\r\nContent-Length: 0", 400),
                Arguments.of("a NUL escape in the path", "GET /leads/%00 HTTP/1.1" + user, 400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRequests")
    void is_problem_json(String what, String head, int status) {
        RawHttp.Response response = RawHttp.exchange(api.baseUrl(), head);

        assertThat(response.status()).isEqualTo(status);
        assertThat(response.headers().get("content-type")).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("type").asText()).startsWith("https://coachintel.com/problems/");
        assertThat(response.body()).doesNotContain("aaaaaaaaaa").doesNotContain("<html");
    }
}
