package com.coachintel.leads.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A client that resets its connection before the answer is written: a real socket, a real RST. */
class ClientGoneTest {

    final FakeUseCases fakes = new FakeUseCases();
    final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    final Logger log = (Logger) LoggerFactory.getLogger(ProblemResponses.class);
    HttpApi api;

    @BeforeEach
    void start() {
        logged.start();
        log.addAppender(logged);
        fakes.listDelayMillis.set(300);
        fakes.listCopies.set(100);
        api = new HttpApi(new HttpSettings("127.0.0.1", 0), fakes.useCases()).start();
    }

    @AfterEach
    void stop() {
        api.stop();
        log.detachAppender(logged);
    }

    @Test
    void is_one_info_line_without_a_stack_trace_never_an_error() throws Exception {
        URI base = URI.create(api.baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.getOutputStream().write(("GET /leads?limit=100 HTTP/1.1\r\nHost: x\r\nx-user-email: " + FakeUseCases.ACTIVE
                    + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            socket.setSoLinger(true, 0); // close with RST, as a killed browser tab does
        }

        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (logged.list.stream().noneMatch(e -> e.getFormattedMessage().contains("went away"))
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(logged.list).anySatisfy(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.INFO);
            assertThat(event.getFormattedMessage()).contains("GET /leads: the client went away mid-response");
            assertThat(event.getThrowableProxy()).isNull();
        });
        assertThat(logged.list).noneMatch(event -> event.getLevel() == Level.ERROR);
    }
}
