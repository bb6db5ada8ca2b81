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
import java.time.Clock;
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

    /**
     * The use cases behind the routes.
     *
     * @param health       {@code GET /health}: the state of this process's job worker
     * @param readiness    {@code GET /ready}
     * @param authenticate every {@code /leads} route
     * @param listLeads    {@code GET /leads}
     * @param getLead      {@code GET /leads/{id}}
     * @param listEvents   {@code GET /leads/{id}/events}
     * @param updateContact {@code PATCH /leads/{id}}
     * @param updateNotes  {@code PATCH /leads/{id}/notes}
     * @param changeStatus {@code POST /leads/{id}/status}
     * @param listHistory  {@code GET /leads/{id}/history}
     * @param exportNow    {@code POST /leads/export}
     * @param exportJobs   {@code POST /leads/exports} and {@code GET /leads/exports...}
     * @param createLead   {@code POST /leads}
     * @param idempotent   the {@code Idempotency-Key} of {@code POST /leads}
     * @param recordConsent {@code POST /leads/{id}/consents}
     * @param listConsents {@code GET /leads/{id}/consents}
     * @param captureLead  {@code POST /crm/public/leads}; empty when public capture is off (the route answers 404)
     * @param messageEvents the providers' webhooks ({@code POST /webhooks/postmark}); empty: they answer 404
     * @param unsubscribe  {@code GET} and {@code POST /unsubscribe}; empty when no unsubscribe secret is set (404)
     */
    public record UseCases(CheckHealthUseCase health, CheckReadinessUseCase readiness, AuthenticateUseCase authenticate, ListLeadsUseCase listLeads,
            GetLeadUseCase getLead, ListLeadEventsUseCase listEvents, UpdateLeadContactUseCase updateContact,
            UpdateLeadNotesUseCase updateNotes, ChangeLeadStatusUseCase changeStatus, ListLeadHistoryUseCase listHistory,
            ExportLeadsUseCase exportNow, ExportJobsUseCase exportJobs, CreateLeadUseCase createLead,
            IdempotentRequests idempotent, RecordConsentUseCase recordConsent, ListLeadConsentsUseCase listConsents,
            Optional<CaptureLeadUseCase> captureLead, Optional<RecordMessageEventUseCase> messageEvents,
            Optional<UnsubscribeUseCase> unsubscribe) {

        public UseCases {
            Objects.requireNonNull(captureLead, "captureLead");
            Objects.requireNonNull(messageEvents, "messageEvents");
            Objects.requireNonNull(unsubscribe, "unsubscribe");
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
        this.settings = Objects.requireNonNull(settings, "settings");
        HealthHandlers health = new HealthHandlers(useCases.health(), useCases.readiness());
        Cors cors = new Cors(settings.corsOrigins());
        Authentication authentication = new Authentication(useCases.authenticate(), settings.proxySecret(),
                settings.nextAuthSecret().map(secret -> new NextAuthSessions(secret, clock)), settings.trustedProxies(), cors);
        LeadReadHandlers reads = new LeadReadHandlers(useCases.listLeads(), useCases.getLead(), useCases.listEvents(),
                useCases.listHistory());
        LeadWriteHandlers writes = new LeadWriteHandlers(useCases.updateContact(), useCases.updateNotes(),
                useCases.changeStatus());
        ExportHandlers exports = new ExportHandlers(useCases.exportNow(), useCases.exportJobs(), clock);
        IntakeHandlers intake = new IntakeHandlers(useCases.createLead(), useCases.captureLead(), useCases.recordConsent(),
                useCases.listConsents(), useCases.idempotent(), new ClientAddresses(settings.trustedProxies()));
        Handler capture = json(intake::capture);
        PostmarkWebhook postmark = new PostmarkWebhook(settings.postmarkWebhook(), useCases.messageEvents());
        UnsubscribeHandlers unsubscribe = new UnsubscribeHandlers(useCases.unsubscribe());
        TwilioWebhook twilio = new TwilioWebhook(settings.twilioAuthToken(), settings.publicBaseUrl(), useCases.messageEvents(),
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
    }
}
