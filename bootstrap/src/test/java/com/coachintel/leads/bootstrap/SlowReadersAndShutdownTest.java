package com.coachintel.leads.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachintel.leads.adapter.http.ContractClient;
import com.coachintel.leads.adapter.persistence.LeadRows;
import com.coachintel.leads.adapter.persistence.TestDatabase;
import com.coachintel.leads.adapter.persistence.TestPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clients that read a streamed export slowly or not at all, and a shutdown with an export in flight: real sockets
 * against the whole application on PostgreSQL.
 */
class SlowReadersAndShutdownTest {

    static final String COACH = "coach@slow.example";
    static final int LEADS = 100_000; // about 8 MB of CSV: more than the sockets' buffers hold
    static TestDatabase db;
    static UUID org;
    static UUID someLead;

    @BeforeAll
    static void data() {
        db = TestPostgres.freshDatabase();
        org = LeadRows.insertOrg(db, "Slow Coaching");
        LeadRows.insertUser(db, org, COACH, true);
        db.jdbi().useHandle(h -> h.execute("INSERT INTO leads (org_id, status, first_name, last_name, email, source)"
                + " SELECT ?, 'waitlist', 'Lead', 'Number ' || n, 'lead' || n || '@slow.example', 'website'"
                + " FROM generate_series(1, " + LEADS + ") AS n", org));
        someLead = db.scalar(UUID.class, "SELECT id FROM leads WHERE org_id = ? LIMIT 1", org);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    static LeadsApplication start(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of("DATABASE_URL", db.jdbcUrl(), "DATABASE_USER", "postgres",
                "LEADS_HTTP_PORT", "0", "LEADS_DEMO_DATA", "false", "LEADS_JOBS_WORKER", "false"));
        env.putAll(extra);
        return LeadsApplication.start(LeadsConfig.from(env, new Properties()));
    }

    @Test
    void a_dozen_stalled_export_readers_take_one_connection_the_rest_are_503_and_every_other_request_answers()
            throws Exception {
        // A pool of 4: one streamed export at a time (a quarter), the other three connections for everyone else.
        try (LeadsApplication app = start(Map.of("DATABASE_POOL_SIZE", "4", "LEADS_HTTP_IDLE_TIMEOUT", "3s"))) {
            ContractClient client = new ContractClient(app.baseUrl()).withHeader("x-user-email", COACH);
            List<Socket> stalled = new ArrayList<>();
            try {
                for (int i = 0; i < 12; i++) {
                    stalled.add(exportThatNeverReads(app.baseUrl()));
                }
                int refused = 0;
                for (Socket socket : stalled) {
                    socket.setSoTimeout(3_000);
                    String head = readHead(socket.getInputStream());
                    if (head.startsWith("HTTP/1.1 503")) {
                        assertThat(head).containsIgnoringCase("retry-after: ").contains("application/problem+json");
                        refused++;
                    } else {
                        assertThat(head).startsWith("HTTP/1.1 200");
                    }
                }
                assertThat(refused).as("all but one refused at once").isEqualTo(11);

                long started = System.nanoTime();
                for (int i = 0; i < 10; i++) {
                    assertThat(client.get("/leads?limit=5").status()).isEqualTo(200);
                    assertThat(client.get("/leads/" + someLead).status()).isEqualTo(200);
                }
                assertThat(Duration.ofNanos(System.nanoTime() - started)).as("20 requests beside the stalled export")
                        .isLessThan(Duration.ofSeconds(5));

                // The stalled reader's connection is released at the idle timeout: a new export runs to the end.
                started = System.nanoTime();
                ContractClient.Exchange export = awaitExport(client, Duration.ofSeconds(20));
                assertThat(export.body().lines().count()).isEqualTo(LEADS + 1);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
            } finally {
                for (Socket socket : stalled) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void sigterm_lets_a_streamed_export_in_flight_finish_and_accepts_no_new_connection() throws Exception {
        LeadsApplication app = start(Map.of("LEADS_SHUTDOWN_GRACE", "20s"));
        URI base = URI.create(app.baseUrl());
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096); // before connecting: a window shrunk afterwards stalls TCP itself
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()));
        socket.getOutputStream().write(exportRequest(base).getBytes(StandardCharsets.UTF_8));
        InputStream in = socket.getInputStream();
        java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        received.write(buffer, 0, in.read(buffer)); // the export is running

        assertThat(Thread.getAllStackTraces().keySet()).as("the export is still reading rows when the stop begins")
                .anyMatch(thread -> thread.getName().equals("lead-export-reader"));
        CompletableFuture<Void> closing = CompletableFuture.runAsync(app::close);
        Thread.sleep(300); // under the 1 s a connection may stall while the server stops
        assertThatThrownBy(() -> new Socket(base.getHost(), base.getPort()).close())
                .as("no new connection once stopping").isInstanceOf(IOException.class);

        int read;
        int reads = 0;
        while ((read = in.read(buffer)) != -1) { // a slow reader: the rest takes seconds
            received.write(buffer, 0, read);
            if (++reads % 16 == 0) {
                Thread.sleep(20);
            }
        }
        closing.get(30, TimeUnit.SECONDS);
        socket.close();
        java.io.ByteArrayInputStream whole = new java.io.ByteArrayInputStream(received.toByteArray());
        // Connection: close, so the body runs to the end of the stream: a cut one is short of lines.
        assertThat(readHead(whole)).startsWith("HTTP/1.1 200").doesNotContainIgnoringCase("transfer-encoding");
        byte[] body = whole.readAllBytes();
        assertThat(countLines(body)).as("the header line and every lead").isEqualTo(LEADS + 1);
        assertThat(new String(body, body.length - 40, 40, StandardCharsets.UTF_8)).endsWith("\n");
    }

    private static long countLines(byte[] bytes) {
        long lines = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                lines++;
            }
        }
        return lines;
    }

    private static ContractClient.Exchange awaitExport(ContractClient client, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            ContractClient.Exchange export = client.send("POST", "/leads/export", "{}", true, "Content-Type",
                    "application/json");
            if (export.status() == 200 || System.nanoTime() > deadline) {
                assertThat(export.status()).isEqualTo(200);
                return export;
            }
            Thread.sleep(500);
        }
    }

    private static Socket exportThatNeverReads(String baseUrl) throws IOException {
        URI base = URI.create(baseUrl);
        Socket socket = new Socket();
        socket.setReceiveBufferSize(2048); // and never read: the server's writes stall once the buffers are full
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()));
        socket.getOutputStream().write(exportRequest(base).getBytes(StandardCharsets.UTF_8));
        return socket;
    }

    private static String exportRequest(URI base) {
        return "POST /leads/export HTTP/1.1\r\nHost: " + base.getHost() + "\r\nx-user-email: " + COACH
                + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}";
    }

    /** The status line and headers only: reading further would drain the export. */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }
}
