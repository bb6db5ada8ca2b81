package com.coachintel.leads.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real sockets that send a request's headers and then only part of its body, or nothing at all. */
class SlowClientsTest {

    static final String LEAD = "/leads/3f2b8c1e-1111-4222-8333-444455556666";
    static final Duration IDLE = Duration.ofSeconds(2);

    HttpApi api;
    ContractClient client;
    final List<Socket> slow = new ArrayList<>();

    @BeforeEach
    void start() {
        api = new HttpApi(new HttpSettings("127.0.0.1", 0).withTimeouts(new HttpSettings.Timeouts(IDLE, Duration.ZERO)),
                new FakeUseCases().useCases()).start();
        client = new ContractClient(api.baseUrl()).withHeader("x-user-email", FakeUseCases.ACTIVE);
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : slow) {
            socket.close();
        }
        api.stop();
    }

    @Test
    void three_hundred_bodies_that_never_finish_hold_no_threads_and_the_api_keeps_answering() throws Exception {
        for (int i = 0; i < 300; i++) {
            Socket socket = RawHttp.connect(api.baseUrl());
            socket.getOutputStream().write(("PATCH " + LEAD + "/notes HTTP/1.1\r\nHost: x\r\nx-user-email: demo@coachintel.test\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 4000\r\n\r\n{\"notes\": \"slow")
                    .getBytes(StandardCharsets.UTF_8));
            slow.add(socket);
        }

        long started = System.nanoTime();
        assertThat(client.get("/health").status()).isEqualTo(200);
        assertThat(client.send("PATCH", LEAD + "/notes", "{\"notes\": \"fast\"}", true, ContractClient.jsonHeaders()).status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        QueuedThreadPool threads = (QueuedThreadPool) api.threadPool();
        assertThat(threads.getThreads()).as("threads, with 300 bodies on their way").isLessThan(60);
    }

    @Test
    void a_body_that_stops_arriving_is_closed_after_the_idle_timeout() throws Exception {
        Socket socket = RawHttp.connect(api.baseUrl());
        slow.add(socket);
        socket.getOutputStream().write(("PATCH " + LEAD + "/notes HTTP/1.1\r\nHost: x\r\nx-user-email: demo@coachintel.test\r\n"
                + "Content-Type: application/json\r\nContent-Length: 4000\r\n\r\n{\"notes\": \"slow").getBytes(StandardCharsets.UTF_8));

        long started = System.nanoTime();
        InputStream in = socket.getInputStream();
        byte[] answer = in.readAllBytes(); // until the server closes
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isBetween(IDLE.minusMillis(500), IDLE.plusSeconds(5));
        String text = new String(answer, StandardCharsets.UTF_8);
        assertThat(text).startsWith("HTTP/1.1 408").contains("application/problem+json");
    }
}
