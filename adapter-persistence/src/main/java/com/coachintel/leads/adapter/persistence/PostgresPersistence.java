package com.coachintel.leads.adapter.persistence;

import com.coachintel.leads.domain.idempotency.IdempotencyRecords;
import com.coachintel.leads.domain.port.ConsentLedger;
import com.coachintel.leads.domain.port.LeadCsvSource;
import com.coachintel.leads.domain.port.LeadIntake;
import com.coachintel.leads.domain.port.OrgDirectory;
import com.coachintel.leads.domain.port.RateLimiter;
import com.coachintel.leads.domain.port.LeadExports;
import com.coachintel.leads.domain.port.LeadQueries;
import com.coachintel.leads.domain.port.LeadStore;
import com.coachintel.leads.domain.port.StorageHealth;
import com.coachintel.leads.domain.port.UserAccounts;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The persistence adapter's front door: built once from a {@link DataSource}, it hands out the
 * implementations of the domain's ports and the schema and demo-data tools.
 */
public final class PostgresPersistence {

    private final DataSource dataSource;
    private final Jdbi jdbi;

    public PostgresPersistence(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.jdbi = Jdbi.create(dataSource)
                .installPlugin(new PostgresPlugin())
                .installPlugin(new SqlObjectPlugin());
    }

    /** A HikariCP pool for the given settings; the caller closes it. */
    public static HikariDataSource pooledDataSource(DatabaseSettings settings, String poolName) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(poolName);
        config.setJdbcUrl(settings.jdbcUrl());
        if (settings.user() != null) {
            config.setUsername(settings.user());
        }
        if (settings.password() != null) {
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(2, settings.poolSize()));
        // Fail fast at start-up when the database is unreachable, instead of on the first request.
        config.setInitializationFailTimeout(10_000);
        config.setConnectionTimeout(5_000);
        config.addDataSourceProperty("ApplicationName", "leads");
        // The pgjdbc default re-prepares a statement only after 5 uses; our hot statements are few and repeated.
        config.addDataSourceProperty("prepareThreshold", "1");
        return new HikariDataSource(config);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Brings the schema up to date with the Liquibase changelog. */
    public SchemaMigrator schemaMigrator() {
        return new SchemaMigrator(dataSource);
    }

    /** The {@link StorageHealth} port: a short round trip to PostgreSQL. */
    public StorageHealth storageHealth() {
        return new PostgresStorageHealth(dataSource);
    }

    /** The {@link UserAccounts} port. */
    public UserAccounts userAccounts() {
        return new JdbiUserAccounts(jdbi);
    }

    /** The {@link LeadQueries} port: the read side of the lead store. */
    public LeadQueries leadQueries() {
        return new JdbiLeadQueries(jdbi, dataSource);
    }

    /** The {@link LeadStore} port: the write side of the lead store. */
    public LeadStore leadStore() {
        return new JdbiLeadStore(jdbi);
    }

    /** The {@link LeadIntake} port: creating and capturing leads. */
    public LeadIntake leadIntake() {
        return new JdbiLeadIntake(jdbi);
    }

    /** The {@link ConsentLedger} port: leads' consent ledgers. */
    public ConsentLedger consentLedger() {
        return new JdbiConsentLedger(jdbi);
    }

    /** The {@link OrgDirectory} port. */
    public OrgDirectory orgDirectory() {
        return new JdbiOrgDirectory(jdbi);
    }

    /** The {@link RateLimiter} port, shared by every process on this database. */
    public RateLimiter rateLimiter() {
        return new PostgresRateLimiter(jdbi);
    }

    /** The {@link IdempotencyRecords} port, shared by every process on this database. */
    public IdempotencyRecords idempotencyRecords() {
        return new JdbiIdempotencyRecords(jdbi);
    }

    /** The {@link LeadCsvSource} port: leads as streamed CSV. */
    public LeadCsvSource leadCsvSource() {
        return new JdbiLeadCsvSource(jdbi);
    }

    /** The {@link LeadExports} port: export jobs and their files. */
    public LeadExports leadExports() {
        return new JdbiLeadExports(jdbi);
    }

    /** Seeds the demo orgs, users and leads, once. */
    public DemoDataSeeder demoDataSeeder(Clock clock) {
        return new DemoDataSeeder(jdbi, clock);
    }
}
