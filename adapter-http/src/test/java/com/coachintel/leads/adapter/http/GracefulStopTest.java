package com.coachintel.leads.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link HttpApi#stop()} with a request in flight, over a real socket. */
class GracefulStopTest {

    static final int ROWS = 40;

    @Test
    void stop_lets_a_streaming_response_finish_within_the_grace_and_refuses_new_connections() throws Exception {
        FakeUseCases fakes = new FakeUseCases();
        CountDownLatch streaming = new CountDownLatch(1);
        fakes.exportOverride.set((caller, filters, target) -> {
            OutputStream out = target.open();
            for (int row = 0; row < ROWS; row++) {
                out.write(("row " + row + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                streaming.countDown();
                sleep(50); // two seconds in all
            }
            return new com.coachintel.leads.application.export.ExportWritten(ROWS, 0);
        });
        HttpApi api = new HttpApi(new HttpSettings("127.0.0.1", 0).withTimeouts(
                new HttpSettings.Timeouts(Duration.ofSeconds(30), Duration.ofSeconds(10))), fakes.useCases()).start();
        URI base = URI.create(api.baseUrl());
        CompletableFuture<RawHttp.Response> export = CompletableFuture.supplyAsync(() -> RawHttp.exchange(api.baseUrl(),
                "POST /leads/export HTTP/1.1\r\nHost: x\r\nx-user-email: " + FakeUseCases.ACTIVE
                        + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"));
        assertThat(streaming.await(5, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(api::stop);
        sleep(300);
        assertThatThrownBy(() -> new Socket(base.getHost(), base.getPort()).close()).isInstanceOf(IOException.class);

        RawHttp.Response response = export.get(10, TimeUnit.SECONDS);
        stopping.get(10, TimeUnit.SECONDS);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().lines()).hasSize(ROWS).last().isEqualTo("row " + (ROWS - 1));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void stop_lets_a_large_response_to_a_slow_reader_finish() throws Exception {
        FakeUseCases fakes = new FakeUseCases();
        CountDownLatch streaming = new CountDownLatch(1);
        byte[] line = ("x".repeat(8191) + "\n").getBytes(StandardCharsets.UTF_8);
        fakes.exportOverride.set((caller, filters, target) -> {
            OutputStream out = target.open();
            for (int row = 0; row < 400; row++) {
                out.write(line);
                streaming.countDown();
            }
            return new com.coachintel.leads.application.export.ExportWritten(400, 0);
        });
        HttpApi api = new HttpApi(new HttpSettings("127.0.0.1", 0).withTimeouts(
                new HttpSettings.Timeouts(Duration.ofSeconds(30), Duration.ofSeconds(10))), fakes.useCases()).start();
        URI base = URI.create(api.baseUrl());
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new java.net.InetSocketAddress(base.getHost(), base.getPort()));
        socket.getOutputStream().write(("POST /leads/export HTTP/1.1\r\nHost: x\r\nx-user-email: " + FakeUseCases.ACTIVE
                + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(streaming.await(5, TimeUnit.SECONDS)).isTrue();
        java.io.InputStream in = socket.getInputStream();
        byte[] first = in.readNBytes(10_000);

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(api::stop);
        sleep(300);
        long total = first.length;
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) != -1) {
            total += read;
        }
        stopping.get(15, TimeUnit.SECONDS);
        assertThat(total).isGreaterThan(400L * 8192);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
