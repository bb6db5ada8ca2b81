package com.coachintel.leads.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachintel.leads.adapter.http.ContractClient;
import com.coachintel.leads.adapter.persistence.LeadRows;
import com.coachintel.leads.adapter.persistence.TestDatabase;
import com.coachintel.leads.adapter.persistence.TestPostgres;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A list request whose client goes away stops its statement; one whose client waits is answered. The statement is
 * held up by a real lock (another session holds the leads table), and PostgreSQL's own pg_stat_activity says what its
 * backend does: real sockets against the whole application.
 */
class AbandonedRequestsTest {

    static final String COACH = "coach@abandon.example";
    static TestDatabase db;
    static LeadsApplication app;

    @BeforeAll
    static void start() {
        db = TestPostgres.freshDatabase();
        UUID org = LeadRows.insertOrg(db, "Abandoning Coaching");
        LeadRows.insertUser(db, org, COACH, true);
        for (int i = 0; i < 3; i++) {
            LeadRows.aLead().insert(db, org);
        }
        app = LeadsApplication.start(LeadsConfig.from(Map.of("DATABASE_URL", db.jdbcUrl(), "DATABASE_USER", "postgres",
                "LEADS_HTTP_PORT", "0", "LEADS_DEMO_DATA", "false", "LEADS_JOBS_WORKER", "false"), new Properties()));
        // Signs the coach in (the look-up is remembered), so that the blocked statement below is the list's.
        assertThat(new ContractClient(app.baseUrl()).withHeader("x-user-email", COACH).get("/leads").status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        app.close();
        db.close();
    }

    /** The pid of the backend whose list statement waits for the lock, within 5 s. */
    static int blockedListBackend() throws Exception {
        Integer[] pid = {null};
        waitUpTo(Duration.ofSeconds(5), () -> {
            pid[0] = db.jdbi().withHandle(h -> h.createQuery("""
                    SELECT pid FROM pg_stat_activity WHERE state = 'active' AND wait_event_type = 'Lock'
                      AND query LIKE '%FROM leads l%' LIMIT 1""").mapTo(Integer.class).findOne().orElse(null));
            return pid[0] != null;
        });
        assertThat(pid[0]).as("a list statement waiting for the lock").isNotNull();
        return pid[0];
    }

    static boolean isActive(int pid) {
        return db.scalar(Boolean.class, "SELECT coalesce((SELECT state = 'active' FROM pg_stat_activity WHERE pid = ?), false)", pid);
    }

    static void waitUpTo(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    static Socket sendList() throws Exception {
        URI base = URI.create(app.baseUrl());
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET /leads?q=lead HTTP/1.1\r\nHost: localhost\r\nx-user-email: " + COACH + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    @Test
    void the_statement_of_a_request_whose_client_went_away_is_cancelled_within_5_seconds() throws Exception {
        try (Connection locker = db.dataSource().getConnection(); Statement lock = locker.createStatement()) {
            locker.setAutoCommit(false);
            lock.execute("LOCK TABLE leads IN ACCESS EXCLUSIVE MODE");
            Socket client = sendList();
            int backend = blockedListBackend();

            client.close();
            long closed = System.nanoTime();
            waitUpTo(Duration.ofSeconds(5), () -> !isActive(backend));

            assertThat(isActive(backend)).as("the backend still runs the abandoned statement 5 s after the client left")
                    .isFalse();
            System.out.printf("backend idle %d ms after the client closed%n", (System.nanoTime() - closed) / 1_000_000);
            locker.rollback();
        }
        // The cancelled statement's connection went back to the pool in good order.
        assertThat(new ContractClient(app.baseUrl()).withHeader("x-user-email", COACH).get("/leads?q=lead").status())
                .isEqualTo(200);
    }

    @Test
    void a_client_that_waits_is_answered_once_the_lock_is_gone() throws Exception {
        Socket client;
        try (Connection locker = db.dataSource().getConnection(); Statement lock = locker.createStatement()) {
            locker.setAutoCommit(false);
            lock.execute("LOCK TABLE leads IN ACCESS EXCLUSIVE MODE");
            client = sendList();
            int backend = blockedListBackend();
            Thread.sleep(300); // several of the watch's selections
            assertThat(isActive(backend)).as("a waiting client's statement runs on").isTrue();
            locker.rollback();
        }
        try (client) {
            client.setSoTimeout(5_000);
            InputStream in = client.getInputStream();
            String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(head).isEqualTo("HTTP/1.1 200");
        }
    }
}
