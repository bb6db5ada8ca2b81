package com.coachintel.leads.bootstrap;

import com.coachintel.leads.adapter.http.HttpApi;
import com.coachintel.leads.adapter.http.HttpSettings;
import com.coachintel.leads.adapter.http.LibphonenumberParser;
import com.coachintel.leads.adapter.persistence.DemoDataSeeder;
import com.coachintel.leads.adapter.persistence.PostgresPersistence;
import com.coachintel.leads.application.auth.AuthenticationService;
import com.coachintel.leads.application.health.ReadinessService;
import com.coachintel.leads.application.leads.LeadChangeService;
import com.coachintel.leads.application.leads.LeadReadService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole process wired by hand: database, schema, demo data, services, HTTP. {@link #close()}
 * takes it down in the reverse order: stop taking requests, close the pool, stop the database.
 */
public final class LeadsApplication implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LeadsApplication.class);

    private final Database database;
    private final HttpApi http;
    private final String demoDataSummary;

    private LeadsApplication(Database database, HttpApi http, String demoDataSummary) {
        this.database = database;
        this.http = http;
        this.demoDataSummary = demoDataSummary;
    }

    /** Starts everything {@code serve} runs; on failure, stops whatever had started. */
    public static LeadsApplication start(LeadsConfig config) {
        Database database = Database.open(config);
        try {
            PostgresPersistence persistence = new PostgresPersistence(database.dataSource());
            persistence.schemaMigrator().migrate();
            String demoData = config.demoData() ? describe(persistence.demoDataSeeder(Clock.systemUTC()).seedIfAbsent())
                    : "off (LEADS_DEMO_DATA=false or an external database)";

            config.warnings().forEach(LOG::warn);
            var readiness = new ReadinessService(persistence.storageHealth());
            var authentication = new AuthenticationService(persistence.userAccounts());
            var reads = new LeadReadService(persistence.leadQueries());
            var changes = new LeadChangeService(persistence.leadStore(), persistence.leadQueries(),
                    new LibphonenumberParser(config.defaultPhoneRegion()), Clock.systemUTC());
            var useCases = new HttpApi.UseCases(readiness, authentication, reads, reads, reads, changes, changes, changes, reads);
            var settings = new HttpSettings(config.httpHost(), config.httpPort(), config.proxySecret());
            HttpApi http = new HttpApi(settings, useCases).start();
            return new LeadsApplication(database, http, demoData);
        } catch (RuntimeException e) {
            database.close();
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

    private static String describe(DemoDataSeeder.SeedReport report) {
        if (report.seededOrgs().isEmpty()) {
            return "present (seeded on an earlier start)";
        }
        return "seeded " + String.join(" and ", report.seededOrgs()) + " with " + report.leads() + " leads";
    }

    /** The base URL of the API, such as {@code http://127.0.0.1:8080}. */
    public String baseUrl() {
        return http.baseUrl();
    }

    /** The lines of the startup block: API, database, demo data, version. */
    public List<String> startupSummary() {
        List<String> lines = new ArrayList<>();
        lines.add("Leads " + Version.current() + " is up");
        lines.add("  API        " + baseUrl() + "   (contract: /openapi.yaml, Swagger UI: /docs)");
        lines.add("  Database   " + database.description());
        lines.add("  Demo data  " + demoDataSummary);
        return lines;
    }

    @Override
    public void close() {
        LOG.info("Leads is stopping");
        try {
            http.stop();
        } finally {
            database.close();
        }
        LOG.info("Leads stopped");
    }
}
