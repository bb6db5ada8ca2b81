package com.coachintel.leads.adapter.http;

import com.coachintel.leads.application.auth.AuthenticateUseCase;
import com.coachintel.leads.application.health.CheckHealthUseCase;
import com.coachintel.leads.application.health.CheckReadinessUseCase;
import com.coachintel.leads.application.leads.ChangeLeadStatusUseCase;
import com.coachintel.leads.application.leads.GetLeadUseCase;
import com.coachintel.leads.application.leads.ListLeadEventsUseCase;
import com.coachintel.leads.application.leads.ListLeadHistoryUseCase;
import com.coachintel.leads.application.leads.ListLeadsUseCase;
import com.coachintel.leads.application.leads.UpdateLeadContactUseCase;
import com.coachintel.leads.application.leads.UpdateLeadNotesUseCase;
import com.coachintel.leads.application.export.ExportJobsUseCase;
import com.coachintel.leads.application.idempotency.IdempotentRequests;
import com.coachintel.leads.application.intake.CaptureLeadUseCase;
import com.coachintel.leads.application.intake.CreateLeadUseCase;
import com.coachintel.leads.application.intake.ListLeadConsentsUseCase;
import com.coachintel.leads.application.intake.RecordConsentUseCase;
import com.coachintel.leads.application.export.ExportLeadsUseCase;
import com.coachintel.leads.application.message.RecordMessageEventUseCase;
import com.coachintel.leads.application.message.UnsubscribeUseCase;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.NotAcceptableResponse;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Leads HTTP API: every route declared in one place, over the use cases it is given.
 * {@link #start()} binds the socket; {@link #stop()} lets in-flight requests finish and closes it.
 */
public final class HttpApi {

    private static final Logger ACCESS_LOG = LoggerFactory.getLogger("com.coachintel.leads.access");

    private final Javalin app;
    private final HttpSettings settings;
    private final ClientDisconnects disconnects;

    /**
     * The use cases the API serves, grouped by capability. Each group's {@code of} takes one service that implements
     * the whole group, as the application's services do; its constructor takes the use cases one by one (tests).
     */
    public record UseCases(Health health, AuthenticateUseCase authenticate, Reads reads, Changes changes, Exports exports,
            Intake intake, Messages messages) {

        public UseCases {
            Objects.requireNonNull(health, "health");
            Objects.requireNonNull(authenticate, "authenticate");
            Objects.requireNonNull(reads, "reads");
            Objects.requireNonNull(changes, "changes");
            Objects.requireNonNull(exports, "exports");
            Objects.requireNonNull(intake, "intake");
            Objects.requireNonNull(messages, "messages");
        }

        /** {@code /health} and {@code /ready}. */
        public record Health(CheckHealthUseCase health, CheckReadinessUseCase readiness) {
            public static <S extends CheckHealthUseCase & CheckReadinessUseCase> Health of(S service) {
                return new Health(service, service);
            }
        }

        /** The list, a lead's detail, its events and its history. */
        public record Reads(ListLeadsUseCase list, GetLeadUseCase get, ListLeadEventsUseCase events,
                ListLeadHistoryUseCase history) {
            public static <S extends ListLeadsUseCase & GetLeadUseCase & ListLeadEventsUseCase & ListLeadHistoryUseCase>
                    Reads of(S service) {
                return new Reads(service, service, service, service);
            }
        }

        /** Changing a lead: contact fields, notes, status. */
        public record Changes(UpdateLeadContactUseCase contact, UpdateLeadNotesUseCase notes, ChangeLeadStatusUseCase status) {
            public static <S extends UpdateLeadContactUseCase & UpdateLeadNotesUseCase & ChangeLeadStatusUseCase>
                    Changes of(S service) {
                return new Changes(service, service, service);
            }
        }

        /** The streamed CSV export and background export jobs. */
        public record Exports(ExportLeadsUseCase now, ExportJobsUseCase jobs) {
        }

        /**
         * Leads coming in: create, consents, the idempotency of both, and public capture (empty when no capture org
         * is configured: the endpoint answers 404).
         */
        public record Intake(CreateLeadUseCase create, RecordConsentUseCase recordConsent,
                ListLeadConsentsUseCase listConsents, IdempotentRequests idempotent, Optional<CaptureLeadUseCase> capture) {
            public Intake {
                Objects.requireNonNull(capture, "capture");
            }

            public static <S extends CreateLeadUseCase & RecordConsentUseCase & ListLeadConsentsUseCase> Intake of(
                    S service, IdempotentRequests idempotent, Optional<CaptureLeadUseCase> capture) {
                return new Intake(service, service, service, idempotent, capture);
            }

            /** The same, with public capture off. */
            public Intake withoutCapture() {
                return new Intake(create, recordConsent, listConsents, idempotent, Optional.empty());
            }
        }

        /** Providers' events (Postmark, Twilio) and unsubscribe links; each empty when not configured (404). */
        public record Messages(Optional<RecordMessageEventUseCase> events, Optional<UnsubscribeUseCase> unsubscribe) {
            public Messages {
                Objects.requireNonNull(events, "events");
                Objects.requireNonNull(unsubscribe, "unsubscribe");
            }
        }
    }

    /** Request bodies are small JSON documents: 10,000 characters of notes fit many times over. */
    static final long MAX_REQUEST_BYTES = 64 * 1024;
    /** A provider's webhook may carry more: a Postmark bounce holds the bounced message's dump. */
    static final long MAX_WEBHOOK_BYTES = 1024 * 1024;
    /** The request line and header fields together (Jetty's default): a NextAuth session cookie takes about 2 KB. */
    static final int MAX_HEADER_BYTES = 8 * 1024;
    /** While stopping: how long a connection may move no byte before it is closed. */
    static final java.time.Duration SHUTDOWN_IDLE = java.time.Duration.ofSeconds(1);
    /** The request URI, part of {@link #MAX_HEADER_BYTES}: Jetty answers 414 beyond. */
    static final int MAX_URI_BYTES = MAX_HEADER_BYTES;

    public HttpApi(HttpSettings settings, UseCases useCases) {
        this(settings, useCases, Clock.systemUTC());
    }

    /** With the clock that dates export file names (tests). */
    public HttpApi(HttpSettings settings, UseCases useCases, Clock clock) {
        this(settings, useCases, clock, Optional.empty(), Duration.ZERO);
    }

    /**
     * With the registry that gets the HTTP side's meters ({@code http.server.requests}, webhook and capture outcomes,
     * the streamed export's rows and bytes); without one, nothing is measured and nothing costs. A caller who wrote
     * within {@code readAfterWrite} has its lists and streamed exports read from the primary (zero: never asked for,
     * for a store without a read replica).
     */
    public HttpApi(HttpSettings settings, UseCases useCases, Clock clock, Optional<MeterRegistry> meters,
            Duration readAfterWrite) {
        this.settings = Objects.requireNonNull(settings, "settings");
        Optional<HttpMetrics> metrics = meters.map(HttpMetrics::new);
        RecentWriters writers = new RecentWriters(readAfterWrite);
        HealthHandlers health = new HealthHandlers(useCases.health().health(), useCases.health().readiness());
        Cors cors = new Cors(settings.corsOrigins());
        Authentication authentication = new Authentication(useCases.authenticate(), settings.proxySecret(),
                settings.nextAuthSecret().map(secret -> new NextAuthSessions(secret, clock)), settings.trustedProxies(), cors);
        UseCases.Reads read = useCases.reads();
        this.disconnects = new ClientDisconnects();
        LeadReadHandlers reads = new LeadReadHandlers(read.list(), read.get(), read.events(), read.history(), disconnects,
                writers);
        UseCases.Changes change = useCases.changes();
        LeadWriteHandlers writes = new LeadWriteHandlers(change.contact(), change.notes(), change.status());
        ExportHandlers exports = new ExportHandlers(useCases.exports().now(), useCases.exports().jobs(), clock, metrics,
                writers);
        UseCases.Intake in = useCases.intake();
        IntakeHandlers intake = new IntakeHandlers(in.create(), in.capture(), in.recordConsent(), in.listConsents(),
                in.idempotent(), new ClientAddresses(settings.trustedProxies()));
        Handler capture = json(intake::capture);
        PostmarkWebhook postmark = new PostmarkWebhook(settings.postmarkWebhook(), useCases.messages().events());
        UnsubscribeHandlers unsubscribe = new UnsubscribeHandlers(useCases.messages().unsubscribe());
        TwilioWebhook twilio = new TwilioWebhook(settings.twilioAuthToken(), settings.publicBaseUrl(), useCases.messages().events(),
                clock);
        ApiDocs docs = new ApiDocs();
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.threadPool = requestThreads();
            config.jetty.addConnector((server, http) -> {
                ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
                connector.setHost(settings.host());
                connector.setPort(settings.port());
                connector.setIdleTimeout(settings.timeouts().idle().toMillis());
                // While stopping, a connection that moves no byte for this long is closed: idle keep-alive
                // connections (the proxy's) go at once instead of holding the stop, and so does a reader that stalls.
                // A request whose client keeps reading runs on, within the shutdown grace.
                connector.setShutdownIdleTimeout(SHUTDOWN_IDLE.toMillis());
                return connector;
            });
            config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(MAX_HEADER_BYTES));
            config.jetty.modifyServer(server -> {
                // Bodies are read without a thread: the request reaches Javalin, whose reads block, only once all of
                // it is here (WholeBodyFirst). A client that sends its body slowly, or never, costs a connection, not a
                // thread, and is answered 408 within the idle timeout. One over the limit is answered 413 as it arrives.
                server.insertHandler(new EagerContentHandler(new WholeBodyFirst(
                        path -> path.startsWith("/webhooks/") ? MAX_WEBHOOK_BYTES : MAX_REQUEST_BYTES,
                        settings.timeouts().idle())));
                // Outermost: on stop, requests in flight (a streamed export too) may finish within the grace.
                server.insertHandler(new GracefulHandler());
                server.setStopTimeout(settings.timeouts().shutdownGrace().toMillis());
                server.setErrorHandler(new JettyProblems());
            });
            config.http.prefer405over404 = true;
            // The limit per path is WholeBodyFirst's; this is Javalin's own ceiling above it.
            config.http.maxRequestSize = MAX_WEBHOOK_BYTES;
            config.http.compressionStrategy = gzipForEveryContentType();
            config.requestLogger.http((ctx, millis) -> {
                // Checked first: building the arguments (boxing, the varargs array) cost 3 % of a detail
                // request's CPU in the benchmark's profile while the line itself was never written.
                if (ACCESS_LOG.isDebugEnabled()) {
                    ACCESS_LOG.debug("{} {} {} {} ms request_id={}", ctx.method(), ctx.path(), ctx.statusCode(),
                            Math.round(millis), RequestIds.of(ctx));
                }
                metrics.ifPresent(m -> m.record(ctx, millis));
                // The last thing Javalin does for a request: the thread's next request, or other work, has no id.
                RequestIds.clear();
            });

            config.routes.before(RequestIds::assign);
            config.routes.before(ctx -> {
                cors.decorate(ctx);
                // A CORS preflight, for any path, is answered here: an OPTIONS route for every path would turn every
                // unknown path's 404 into a 405.
                if (ctx.method() == HandlerType.OPTIONS && ctx.header("Access-Control-Request-Method") != null) {
                    cors.preflight(ctx);
                    ctx.skipRemainingHandlers();
                }
            });
            // Lead data, JSON and CSV alike, errors included: never sniffed as another type, never kept by a cache.
            config.routes.before("/leads", HttpApi::privateData);
            config.routes.before("/leads/*", HttpApi::privateData);
            config.routes.before("/leads", authentication::authenticate);
            config.routes.before("/leads/*", authentication::authenticate);
            config.routes.before("/leads", ctx -> noteWrite(ctx, writers));
            config.routes.before("/leads/*", ctx -> noteWrite(ctx, writers));

            // Javalin tries a method's routes in the order they are added, one regular expression each, and
            // takes the first that matches (3.7 % of a detail request's CPU went to these matches). So the most
            // frequent reads come first, and a literal path comes before the pattern that would also match it:
            // /leads/exports must not be read as the lead with id "exports".
            config.routes.get("/leads/exports", json(exports::listExports));
            config.routes.get("/leads/{id}", json(reads::get));
            config.routes.get("/leads", json(reads::list));
            config.routes.get("/leads/{id}/events", json(reads::events));
            config.routes.get("/health", json(health::health));
            config.routes.get("/ready", json(health::ready));
            config.routes.post("/leads/export", exports::exportNow);
            config.routes.post("/leads/exports", json(exports::requestExport));
            config.routes.get("/leads/exports/{id}", json(exports::getExport));
            config.routes.get("/leads/exports/{id}/file", exports::downloadExport);
            config.routes.patch("/leads/{id}", json(writes::patchContact));
            config.routes.patch("/leads/{id}/notes", json(writes::patchNotes));
            config.routes.post("/leads/{id}/status", json(writes::postStatus));
            config.routes.get("/leads/{id}/history", json(reads::history));
            config.routes.post("/leads", json(intake::createLead));
            config.routes.post("/leads/{id}/consents", json(intake::recordConsent));
            config.routes.get("/leads/{id}/consents", json(intake::listConsents));
            // Public: no x-user-email, no proxy secret; browsers post here from the sign-up page's own origin.
            config.routes.post("/crm/public/leads", ctx -> {
                cors.refuseOtherOrigins(ctx);
                capture.handle(ctx);
            });

            // Providers' webhooks and unsubscribe links: authenticated by credentials or signatures, not by a user.
            config.routes.post("/webhooks/postmark", json(postmark::handle));
            config.routes.post("/webhooks/twilio", twilio::handle);
            config.routes.get("/unsubscribe", unsubscribe::page);
            config.routes.post("/unsubscribe", unsubscribe::post);

            config.routes.get("/openapi.yaml", docs::contract);
            config.routes.get("/docs", docs::page);
            config.routes.get("/docs/swagger-ui/{file}", docs::asset);
            ProblemResponses.register(config.routes);
        });
    }

    /**
     * Javalin's default pool (8 to 250 threads, named as Javalin names it) without Jetty's reserved threads. With
     * a reserved thread free, Jetty lets the selector thread run a blocking request itself and wakes the reserved
     * thread to take over selecting; each request then parks and wakes two threads. Without, the selector thread
     * keeps selecting and hands each request to an idle pool thread: one wake-up. In the benchmark's A/B rounds
     * (two jars on one database, docs/performance.md) the pool without reserved threads served more detail
     * requests in 14 of 16 rounds (1.02× and 1.07× over two sets) and more events in 4 of 4 (1.10×).
     */
    static QueuedThreadPool requestThreads() {
        QueuedThreadPool pool = new QueuedThreadPool(250, 8, 60_000);
        pool.setReservedThreads(0);
        pool.setName("JettyServerThreadPool");
        return pool;
    }

    /** The thread pool the running server uses (tests). */
    ThreadPool threadPool() {
        return app.jettyServer().threadPool();
    }

    /**
     * Javalin's default: gzip for bodies of 1,500 bytes and more when the client accepts it. Its default also
     * checks every response's content type against about thirty excluded ones (images, audio, archives) with
     * case-insensitive substring searches, before it looks at the size or at Accept-Encoding: 5 % of a detail
     * request's CPU in the benchmark's profile. This API answers JSON, CSV, YAML and its docs' HTML, JavaScript
     * and CSS, all worth compressing, so nothing is excluded.
     */
    static CompressionStrategy gzipForEveryContentType() {
        CompressionStrategy strategy = new CompressionStrategy(null, new Gzip());
        strategy.setExcludedMimeTypes(List.of());
        return strategy;
    }

    /** A write by a signed-in caller (exports are reads, though posted), for read-after-write. */
    private static void noteWrite(Context ctx, RecentWriters writers) {
        HandlerType method = ctx.method();
        if ((method == HandlerType.POST || method == HandlerType.PATCH || method == HandlerType.PUT
                || method == HandlerType.DELETE) && !ctx.path().startsWith("/leads/export")) {
            writers.wrote(Authentication.caller(ctx));
        }
    }

    private static void privateData(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "no-store");
    }

    /** A JSON endpoint: a request whose Accept header rules JSON out is answered 406 before the handler runs. */
    private static Handler json(Handler handler) {
        return ctx -> {
            if (!MediaTypes.acceptsJson(ctx)) {
                throw new NotAcceptableResponse("This endpoint answers application/json; the Accept header rules it out");
            }
            handler.handle(ctx);
        };
    }

    /** Starts listening; returns this for chaining. */
    public HttpApi start() {
        app.start();
        return this;
    }

    /** The port actually bound (useful when the settings asked for 0). */
    public int port() {
        return app.port();
    }

    /** The base URL callers use, such as {@code http://127.0.0.1:8080}. */
    public String baseUrl() {
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return "http://" + host + ":" + port();
    }

    /**
     * Stops accepting connections, lets the requests in flight finish within the shutdown grace (new requests on open
     * connections get 503), then closes the server.
     */
    public void stop() {
        app.stop();
        disconnects.close();
    }
}
