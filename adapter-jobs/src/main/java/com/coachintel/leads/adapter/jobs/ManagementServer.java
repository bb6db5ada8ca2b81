package com.coachintel.leads.adapter.jobs;

import com.coachintel.leads.domain.port.JobWorker;
import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jobrunr.dashboard.JobRunrApiHandler;
import org.jobrunr.dashboard.JobRunrSseHandler;
import org.jobrunr.dashboard.JobRunrStaticFileHandler;
import org.jobrunr.dashboard.server.HttpExchangeHandler;
import org.jobrunr.dashboard.server.http.RedirectHttpHandler;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.utils.mapper.JsonMapper;

/**
 * The management port: JobRunr's dashboard under {@code /dashboard} and {@code GET /health} with the worker's state.
 *
 * <p>JobRunr's own dashboard server binds every interface and has no way to say otherwise; this one serves the same
 * handlers on the host it is given ({@code 127.0.0.1} unless the operator says otherwise). The dashboard can delete
 * and requeue jobs, so it sits behind basic authentication when credentials are given; {@code /health} says nothing
 * but the worker's state and stays open, for probes.
 */
final class ManagementServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads;
    private final List<HttpExchangeHandler> handlers = new ArrayList<>();

    ManagementServer(String host, int port, Optional<JobRunrJobs.Credentials> credentials, StorageProvider storage,
            JsonMapper jsonMapper, JobWorker worker) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on " + host + ":" + port + " for the management port", e);
        }
        threads = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "leads-management");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        BasicAuthenticator authenticator = credentials.map(ManagementServer::authenticator).orElse(null);
        add(new RedirectHttpHandler("/", "/dashboard"), null);
        add(new JobRunrStaticFileHandler(), authenticator);
        add(new JobRunrApiHandler(storage, jsonMapper, false), authenticator);
        add(new JobRunrSseHandler(storage, jsonMapper), authenticator);
        server.createContext("/health", exchange -> health(exchange, worker));
    }

    private void add(HttpExchangeHandler handler, BasicAuthenticator authenticator) {
        handlers.add(handler);
        HttpContext context = server.createContext(handler.getContextPath(), handler);
        if (authenticator != null) {
            context.setAuthenticator(authenticator);
        }
    }

    private static void health(HttpExchange exchange, JobWorker worker) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = ("{\"status\":\"ok\",\"jobs\":\"" + worker.state().name().toLowerCase(Locale.ROOT) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Basic authentication that compares in constant time: a timing difference must not spell out the password. */
    private static BasicAuthenticator authenticator(JobRunrJobs.Credentials credentials) {
        byte[] user = credentials.user().getBytes(StandardCharsets.UTF_8);
        byte[] password = credentials.password().getBytes(StandardCharsets.UTF_8);
        return new BasicAuthenticator("JobRunr dashboard") {
            @Override
            public boolean checkCredentials(String givenUser, String givenPassword) {
                boolean userMatches = MessageDigest.isEqual(user, givenUser.getBytes(StandardCharsets.UTF_8));
                boolean passwordMatches = MessageDigest.isEqual(password, givenPassword.getBytes(StandardCharsets.UTF_8));
                return userMatches & passwordMatches;
            }
        };
    }

    void start() {
        server.start();
    }

    /** The address actually bound (the port is chosen when 0 was asked). */
    InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.forEach(HttpExchangeHandler::close);
        threads.shutdownNow();
    }
}
