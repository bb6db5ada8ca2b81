package com.coachintel.leads.adapter.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /metrics} on a port of its own, apart from the API: a scrape neither waits behind requests nor counts
 * among them, and the API's port carries no operator data. The body is what {@code scrape} writes (Prometheus's text
 * format). Anything else is 404, another method 405, both as problem+json.
 */
public final class MetricsServer implements AutoCloseable {

    /** Prometheus's text exposition format, version 0.0.4, which every scraper reads. */
    public static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private static final Logger LOG = LoggerFactory.getLogger(MetricsServer.class);

    private final HttpServer server;
    private final ExecutorService threads;

    /**
     * Listens on {@code host}:{@code port} (0 for any free port) at once.
     *
     * @param scrape the metrics, in {@code contentType}, written anew for each scrape
     */
    public MetricsServer(String host, int port, Supplier<String> scrape, String contentType) {
        Objects.requireNonNull(scrape, "scrape");
        Objects.requireNonNull(contentType, "contentType");
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on " + host + ":" + port + " for metrics", e);
        }
        // Two: a scraper that hangs up mid-answer holds one, and the next scrape still gets through.
        threads = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "leads-metrics");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            try (exchange) {
                if (!exchange.getRequestURI().getPath().equals("/metrics")) {
                    problem(exchange, 404, "Not Found", "This port serves GET /metrics only");
                } else if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                    exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                    problem(exchange, 405, "Method Not Allowed", "/metrics answers GET");
                } else {
                    send(exchange, 200, contentType, scrape.get().getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("a metrics scrape failed: {}", e.getClass().getName());
            }
        });
        server.start();
    }

    private static void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
        String body = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                + detail + "\"}";
        send(exchange, status, "application/problem+json", body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** The address bound. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
