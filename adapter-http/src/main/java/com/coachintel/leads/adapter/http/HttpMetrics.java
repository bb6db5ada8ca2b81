package com.coachintel.leads.adapter.http;

import com.coachintel.leads.application.export.ExportWritten;
import com.coachintel.leads.application.message.RecordMessageEventUseCase;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What the HTTP side counts, recorded once per request after its response (Javalin's request logger):
 * <ul>
 *   <li>{@code http.server.requests}, a timer tagged {@code method}, {@code uri} (the route template such as
 *   {@code /leads/{id}}, never the raw path, whose ids would make a series per lead), {@code status} and
 *   {@code outcome}, as Micrometer's own instrumentations name them;</li>
 *   <li>{@code leads.webhook.deliveries}, tagged {@code provider} and {@code outcome}: what a provider's delivery
 *   did ({@code recorded}, {@code duplicate}, {@code dropped}) or why it was refused ({@code unauthorized},
 *   {@code invalid}, {@code error}, ...);</li>
 *   <li>{@code leads.capture.requests}, tagged {@code outcome}: public sign-ups, by how they were answered. Whether
 *   an email was known is not among them: the answer never says it either;</li>
 *   <li>{@code leads.export.rows} and {@code leads.export.bytes}, tagged {@code kind=stream}: what the streamed
 *   exports sent whole.</li>
 * </ul>
 *
 * <p>The meters are looked up once per kind of request and kept: building a meter's id on every request (its
 * tags sorted, a map probed) would cost each request more than recording does.
 */
final class HttpMetrics {

    private static final String OUTCOME = "leads.outcome";

    private final MeterRegistry registry;
    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Counter streamedRows;
    private final Counter streamedBytes;

    HttpMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.streamedRows = Counter.builder("leads.export.rows").tag("kind", "stream")
                .description("Leads written by exports").register(registry);
        this.streamedBytes = Counter.builder("leads.export.bytes").tag("kind", "stream").baseUnit("bytes")
                .description("CSV bytes written by exports").register(registry);
    }

    /** Records a request whose response has been sent. */
    void record(Context ctx, float millis) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        int status = ctx.statusCode();
        String uri = endpoint != null ? endpoint.path : status == 404 ? "NOT_FOUND" : "UNKNOWN";
        timers.computeIfAbsent(new TimerKey(ctx.method().name(), uri, status), this::timer)
                .record((long) (millis * 1_000_000L), TimeUnit.NANOSECONDS);
        switch (uri) {
            case "/webhooks/postmark" -> count("leads.webhook.deliveries", "provider", PostmarkWebhook.PROVIDER,
                    outcome(ctx, status));
            case "/webhooks/twilio" -> count("leads.webhook.deliveries", "provider", TwilioWebhook.PROVIDER,
                    outcome(ctx, status));
            case "/crm/public/leads" -> count("leads.capture.requests", null, null, outcome(ctx, status));
            default -> {
            }
        }
    }

    private Timer timer(TimerKey key) {
        return Timer.builder("http.server.requests")
                .description("HTTP requests, by route template")
                .tag("method", key.method())
                .tag("uri", key.uri())
                .tag("status", Integer.toString(key.status()))
                .tag("outcome", outcomeClass(key.status()))
                .register(registry);
    }

    private void count(String name, String tag, String value, String outcome) {
        String key = name + '|' + value + '|' + outcome;
        counters.computeIfAbsent(key, k -> {
            Counter.Builder builder = Counter.builder(name).tag("outcome", outcome);
            return (tag == null ? builder : builder.tag(tag, value)).register(registry);
        }).increment();
    }

    /** The outcome a handler named ({@link #name}), or one told by the status. */
    private static String outcome(Context ctx, int status) {
        String named = ctx.attribute(OUTCOME);
        if (named != null) {
            return named;
        }
        return switch (status) {
            case 200, 201, 202, 204 -> "accepted";
            case 400, 413, 415, 422 -> "invalid";
            case 401, 403 -> "unauthorized";
            case 404 -> "not_enabled";
            case 429 -> "rate_limited";
            default -> status >= 500 ? "error" : "refused";
        };
    }

    /** Micrometer's outcome classes. */
    private static String outcomeClass(int status) {
        if (status < 200) {
            return "INFORMATIONAL";
        } else if (status < 300) {
            return "SUCCESS";
        } else if (status < 400) {
            return "REDIRECTION";
        } else if (status < 500) {
            return "CLIENT_ERROR";
        }
        return "SERVER_ERROR";
    }

    /** Names what a handled request did, for the counters of its kind (a webhook delivery, a sign-up). */
    static void name(Context ctx, String outcome) {
        ctx.attribute(OUTCOME, outcome);
    }

    /** A provider's delivery, by what recording it did. */
    static void name(Context ctx, RecordMessageEventUseCase.Outcome outcome) {
        name(ctx, outcome.dropped().isPresent() ? "dropped" : outcome.recorded() > 0 ? "recorded" : "duplicate");
    }

    /** A streamed export that was sent whole: what it wrote. */
    void exported(ExportWritten written) {
        streamedRows.increment(written.rows());
        streamedBytes.increment(written.bytes());
    }

    private record TimerKey(String method, String uri, int status) {
    }
}
