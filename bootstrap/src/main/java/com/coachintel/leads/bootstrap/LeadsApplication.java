package com.coachintel.leads.bootstrap;

import com.coachintel.leads.adapter.http.HttpApi;
import com.coachintel.leads.adapter.http.HttpSettings;
import com.coachintel.leads.application.phone.LibphonenumberParser;
import com.coachintel.leads.adapter.jobs.JobRunrJobs;
import com.coachintel.leads.adapter.persistence.demo.DemoDataSeeder;
import com.coachintel.leads.adapter.persistence.PostgresPersistence;
import com.coachintel.leads.application.auth.AuthenticationService;
import com.coachintel.leads.application.auth.CachedUserAccounts;
import com.coachintel.leads.application.export.BoundedExports;
import com.coachintel.leads.application.export.ExportService;
import com.coachintel.leads.application.health.ReadinessService;
import com.coachintel.leads.application.idempotency.IdempotencyService;
import com.coachintel.leads.application.intake.CaptureLeadUseCase;
import com.coachintel.leads.application.intake.CaptureService;
import com.coachintel.leads.application.intake.IntakeService;
import com.coachintel.leads.application.message.MessageEventService;
import com.coachintel.leads.application.message.UnsubscribeLinks;
import com.coachintel.leads.application.message.UnsubscribeService;
import com.coachintel.leads.domain.port.OrgDirectory;
import com.coachintel.leads.application.leads.LeadChangeService;
import com.coachintel.leads.application.leads.LeadReadService;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole process wired by hand: database, schema, demo data, services, HTTP, background jobs.
 * {@link #close()} takes it down in the reverse order: stop taking requests, stop the jobs, close the
 * pool, stop the database.
 */
public final class LeadsApplication implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LeadsApplication.class);

    /** Jobs that run at once in one worker process: exports are heavy on the database, so few. */
    static final int JOB_WORKERS = 2;
    /** How long an x-user-email look-up is remembered: a deactivation takes effect within this. */
    static final Duration USER_CACHE_TTL = Duration.ofSeconds(5);
    /** How often a worker looks for new jobs (JobRunr's minimum). */
    static final Duration JOB_POLL_INTERVAL = Duration.ofSeconds(5);

    private final Database database;
    private final JobRunrJobs jobs;
    private final HttpApi http;
    private final List<String> summary;

    private final Optional<Metrics> metrics;
    private final PostgresPersistence persistence;

    private LeadsApplication(Database database, PostgresPersistence persistence, JobRunrJobs jobs, HttpApi http,
            Optional<Metrics> metrics, List<String> summary) {
        this.database = database;
        this.persistence = persistence;
        this.jobs = jobs;
        this.http = http;
        this.metrics = metrics;
        this.summary = summary;
    }

    /** What {@code serve} runs: the API and, unless LEADS_JOBS_WORKER=false, a job worker and its dashboard. */
    public static LeadsApplication start(LeadsConfig config) {
        return start(config, true, config.jobsWorker());
    }

    /** What {@code worker} runs: a job worker and the JobRunr dashboard, no API. */
    public static LeadsApplication startWorker(LeadsConfig config) {
        return start(config, false, true);
    }

    private static LeadsApplication start(LeadsConfig config, boolean api, boolean worker) {
        Optional<Metrics> metrics = config.metricsPort().map(port -> new Metrics());
        Database database;
        try {
            database = Database.open(config, metrics.map(Metrics::registry));
        } catch (RuntimeException e) {
            metrics.ifPresent(Metrics::close);
            throw e;
        }
        JobRunrJobs jobs = null;
        HttpApi http = null;
        PostgresPersistence persistenceToClose = null;
        try {
            PostgresPersistence persistence = database.replica()
                    .map(replica -> new PostgresPersistence(database.dataSource(), new PostgresPersistence.Replica(replica,
                            config.replicaMaxLag(), metrics.map(Metrics::registry))))
                    .orElseGet(() -> new PostgresPersistence(database.dataSource()));
            persistenceToClose = persistence;
            persistence.schemaMigrator().migrate();
            List<String> summary = new ArrayList<>();
            summary.add("Leads " + Version.current() + " is up");
            config.warnings().forEach(LOG::warn);

            Clock clock = Clock.systemUTC();
            jobs = new JobRunrJobs(database.dataSource());
            metrics.map(Metrics::registry).ifPresent(jobs::bindMetrics);
            var exports = new ExportService(persistence.matchingLeads(), persistence.leadExports(), jobs.exportScheduler(),
                    clock, config.exportTtl());
            String demoData = api && config.demoData() ? describe(persistence.demoDataSeeder(clock).seedIfAbsent())
                    : "off (LEADS_DEMO_DATA=false or an external database)";
            java.net.InetSocketAddress management = null;
            if (worker) {
                jobs.startWorker(exports, JOB_WORKERS, JOB_POLL_INTERVAL);
                if (config.dashboardPort().isPresent()) {
                    management = jobs.startManagement(config.managementHost(), config.dashboardPort().get(),
                            config.dashboardUser().map(user -> new JobRunrJobs.Credentials(user,
                                    config.dashboardPassword().orElseThrow())));
                }
            }
            // The API starts last: once it answers /ready, everything else is up too.
            String captureLine = null;
            if (api) {
                var health = new ReadinessService(persistence.storageHealth(), jobs.jobWorker());
                var messageEvents = persistence.messageEventLog();
                var phones = new LibphonenumberParser(config.defaultPhoneRegion());
                var reads = new LeadReadService(persistence.leadQueries());
                var changes = new LeadChangeService(persistence.leadStore(), phones, clock);
                var intake = new IntakeService(persistence.leadIntake(), persistence.consentLedger(),
                        persistence.leadQueries(), phones, clock);
                Optional<OrgDirectory.Org> captureOrg = config.publicCaptureOrg().map(name -> persistence.orgDirectory()
                        .find(name).orElseThrow(() -> new ConfigException(LeadsConfig.PUBLIC_CAPTURE_ORG + " names no org: '"
                                + name + "' is neither an org's id nor its exact name (create the org first, or unset "
                                + LeadsConfig.PUBLIC_CAPTURE_ORG + " to turn public capture off)")));
                Optional<CaptureLeadUseCase> capture = captureOrg.map(org -> new CaptureService(persistence.leadIntake(),
                        phones, persistence.rateLimiter(), clock, new CaptureService.Settings(org.id(), config.captureRateLimit())));
                captureLine = captureOrg
                        .map(org -> "  Capture    POST /crm/public/leads into " + org.name() + " (" + org.id() + "), "
                                + config.captureRateLimit() + " per minute per client address"
                                + (config.corsOrigins().isEmpty() ? "" : "; browsers from " + String.join(", ",
                                        new java.util.TreeSet<>(config.corsOrigins()))))
                        .orElse("  Capture    public capture off (set " + LeadsConfig.PUBLIC_CAPTURE_ORG + " to an org's id or name)");
                var useCases = new HttpApi.UseCases(HttpApi.UseCases.Health.of(health),
                        new AuthenticationService(new CachedUserAccounts(persistence.userAccounts(), USER_CACHE_TTL, clock)),
                        HttpApi.UseCases.Reads.of(reads), HttpApi.UseCases.Changes.of(changes),
                        new HttpApi.UseCases.Exports(new BoundedExports(exports, config.exportConcurrency()), exports),
                        HttpApi.UseCases.Intake.of(intake, new IdempotencyService(persistence.idempotencyRecords()), capture),
                        new HttpApi.UseCases.Messages(Optional.of(new MessageEventService(messageEvents)),
                                config.unsubscribeSecret().map(secret -> new UnsubscribeService(new UnsubscribeLinks(secret),
                                        messageEvents, clock))));
                http = new HttpApi(new HttpSettings(config.httpHost(), config.httpPort(), config.proxySecret(),
                        config.nextAuthSecret(), config.corsOrigins(), config.trustedProxies(),
                        new HttpSettings.Timeouts(config.httpIdleTimeout(), config.shutdownGrace()),
                        config.postmarkWebhook(), config.twilioAuthToken(), config.publicBaseUrl()), useCases, clock,
                        metrics.map(Metrics::registry),
                        database.replica().isPresent() ? config.readAfterWrite() : Duration.ZERO).start();
                summary.add("  API        " + http.baseUrl() + "   (contract: /openapi.yaml, Swagger UI: /docs)");
                summary.add("  Providers  Postmark webhook " + (config.postmarkWebhook().isPresent() ? "on" : "off (set "
                        + LeadsConfig.POSTMARK_WEBHOOK_USER + " and _PASSWORD)") + "; unsubscribe links "
                        + (config.unsubscribeSecret().isPresent() ? "on" : "off (set " + LeadsConfig.UNSUBSCRIBE_SECRET + ")")
                        + "; Twilio webhook " + (config.twilioAuthToken().isPresent() ? "on" : "off (set "
                        + LeadsConfig.TWILIO_AUTH_TOKEN + ")"));
            }
            summary.add("  Database   " + database.description());
            if (api) {
                summary.add("  Demo data  " + demoData);
                summary.add(captureLine);
            }
            String dashboard = management == null ? "no dashboard here (" + LeadsConfig.DASHBOARD_PORT + "=off)"
                    : "JobRunr dashboard at http://" + hostAndPort(management) + "/dashboard"
                            + (config.dashboardUser().isPresent() ? " (basic auth)" : " (no password: this machine only)")
                            + ", worker health at /health";
            summary.add(worker
                    ? "  Jobs       worker " + jobs.workerName() + " running (" + JOB_WORKERS + " at a time); " + dashboard
                    : "  Jobs       no worker here (LEADS_JOBS_WORKER=false): exports wait for `java -jar leads.jar worker`");
            summary.add(metrics.map(m -> "  Metrics    http://" + hostAndPort(m.serve(config.managementHost(),
                    config.metricsPort().get())) + "/metrics (Prometheus)")
                    .orElse("  Metrics    off (set " + LeadsConfig.METRICS_PORT + " to serve /metrics)"));
            return new LeadsApplication(database, persistence, jobs, http, metrics, List.copyOf(summary));
        } catch (RuntimeException e) {
            if (http != null) {
                http.stop();
            }
            if (jobs != null) {
                jobs.close();
            }
            if (persistenceToClose != null) {
                persistenceToClose.close();
            }
            database.close();
            metrics.ifPresent(Metrics::close);
            throw e;
        }
    }

    /** Applies the schema migrations and stops: what {@code java -jar leads.jar migrate} runs. */
    public static String migrate(LeadsConfig config) {
        try (Database database = Database.open(config)) {
            new PostgresPersistence(database.dataSource()).schemaMigrator().migrate();
            return database.description();
        }
    }

    private static String hostAndPort(java.net.InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    private static String describe(DemoDataSeeder.SeedReport report) {
        if (report.seededOrgs().isEmpty()) {
            return "present (seeded on an earlier start)";
        }
        return "seeded " + String.join(" and ", report.seededOrgs()) + " with " + report.leads() + " leads";
    }

    /** The base URL of the API, such as {@code http://127.0.0.1:8080}; empty in a worker-only process. */
    public Optional<String> apiUrl() {
        return Optional.ofNullable(http).map(HttpApi::baseUrl);
    }

    /** The base URL of the API; fails in a worker-only process. */
    public String baseUrl() {
        return apiUrl().orElseThrow(() -> new IllegalStateException("this process runs no API"));
    }

    /** The lines of the startup block: what runs, where, on which database, in which version. */
    public List<String> startupSummary() {
        return summary;
    }

    @Override
    public void close() {
        LOG.info("Leads is stopping");
        long started = System.nanoTime();
        try {
            if (http != null) {
                http.stop();
                LOG.info("The API stopped after {} ms", (System.nanoTime() - started) / 1_000_000);
            }
        } finally {
            try {
                jobs.close();
            } finally {
                try {
                    persistence.close();
                    database.close();
                } finally {
                    // Last: a scrape during the stop still answers.
                    metrics.ifPresent(Metrics::close);
                }
            }
        }
        LOG.info("Leads stopped");
    }
}
