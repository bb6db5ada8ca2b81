package com.coachintel.leads.adapter.persistence;

import com.coachintel.leads.domain.idempotency.IdempotencyRecords;
import com.coachintel.leads.adapter.persistence.demo.DemoDataSeeder;
import com.coachintel.leads.domain.port.ConsentLedger;
import com.coachintel.leads.domain.port.LeadIntake;
import com.coachintel.leads.domain.port.OrgDirectory;
import com.coachintel.leads.domain.port.RateLimiter;
import com.coachintel.leads.domain.port.LeadExports;
import com.coachintel.leads.domain.port.LeadQueries;
import com.coachintel.leads.domain.port.LeadStore;
import com.coachintel.leads.domain.port.MatchingLeads;
import com.coachintel.leads.domain.port.MessageEventLog;
import com.coachintel.leads.domain.port.StorageHealth;
import com.coachintel.leads.domain.port.UserAccounts;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;

/**
 * The persistence adapter's front door: built once from a {@link DataSource}, it hands out the
 * implementations of the domain's ports and the schema and demo-data tools. Every port fails with
 * {@link com.coachintel.leads.domain.StorageUnavailableException} when the database is away ({@link StorageFailures}).
 */
public final class PostgresPersistence {

    /** How long a query may wait for the database's next bytes before it fails as "storage unavailable". */
    public static final java.time.Duration SOCKET_TIMEOUT = java.time.Duration.ofSeconds(30);

    private final DataSource dataSource;
    private final Jdbi jdbi;
    private final ReadRouting reads;

    public PostgresPersistence(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.jdbi = jdbi(dataSource);
        this.reads = new ReadRouting(jdbi);
    }

    /**
     * With a streaming replica for the reads that may lag a little: the list (items and total) and the exports'
     * query, while the replica lags by at most {@code replica.maxLag()} and the caller did not ask for the primary
     * ({@link com.coachintel.leads.domain.port.ReadFreshness}). Everything else, detail and history included, reads
     * the primary. {@link #close} stops the replica's probe.
     */
    public PostgresPersistence(DataSource dataSource, Replica replica) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.jdbi = jdbi(dataSource);
        this.reads = new ReadRouting(jdbi, jdbi(replica.dataSource()), replica.maxLag(), replica.meters());
    }

    /**
     * A streaming replica of the primary.
     *
     * @param dataSource its pool
     * @param maxLag     a replica lagging more is not used
     * @param meters     where its lag and use are reported ({@code leads.replica.lag}, {@code leads.replica.used})
     */
    public record Replica(DataSource dataSource, java.time.Duration maxLag, Optional<MeterRegistry> meters) {
        public Replica {
            Objects.requireNonNull(dataSource, "dataSource");
            Objects.requireNonNull(maxLag, "maxLag");
            Objects.requireNonNull(meters, "meters");
        }
    }

    private static Jdbi jdbi(DataSource dataSource) {
        Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new PostgresPlugin());
        jdbi.addCustomizer(new CancellableStatements());
        return jdbi;
    }

    /** Stops measuring the replica, if there is one; the pools are the caller's to close. */
    public void close() {
        reads.close();
    }

    /** A HikariCP pool for the given settings; the caller closes it. */
    public static HikariDataSource pooledDataSource(DatabaseSettings settings, String poolName) {
        return pooledDataSource(settings, poolName, Optional.empty());
    }

    /**
     * The same, its meters ({@code hikaricp.connections.pending}, {@code .active}, {@code .acquire}, ... tagged
     * {@code pool}) in {@code meters}.
     */
    public static HikariDataSource pooledDataSource(DatabaseSettings settings, String poolName,
            Optional<MeterRegistry> meters) {
        return new HikariDataSource(config(settings, poolName, meters));
    }

    /**
     * A pool on a read replica: read-only, and a replica that is down neither stops start-up nor holds a request for
     * long (a second to get a connection; the caller reads the primary instead).
     */
    public static HikariDataSource pooledReplicaDataSource(DatabaseSettings settings, String poolName,
            Optional<MeterRegistry> meters) {
        HikariConfig config = config(settings, poolName, meters);
        config.setReadOnly(true);
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(1_000);
        config.addDataSourceProperty("ApplicationName", "leads-replica");
        return new HikariDataSource(config);
    }

    private static HikariConfig config(DatabaseSettings settings, String poolName, Optional<MeterRegistry> meters) {
        HikariConfig config = new HikariConfig();
        meters.ifPresent(config::setMetricRegistry);
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
        // A database that stops answering mid-query (a frozen host, a partition) fails the query after this long
        // instead of holding the request and its connection for ever; no query of ours runs near it.
        config.addDataSourceProperty("socketTimeout", Long.toString(SOCKET_TIMEOUT.toSeconds()));
        config.addDataSourceProperty("ApplicationName", "leads");
        // PostgreSQL's DETAIL quotes row values ("Key (email)=(ann@example.com) already exists"); pgjdbc copies it into
        // exception messages, and those reach logs. The SQLSTATE and the constraint's name stay.
        config.addDataSourceProperty("logServerErrorDetail", "false");
        // The pgjdbc default re-prepares a statement only after 5 uses; our hot statements are few and repeated.
        config.addDataSourceProperty("prepareThreshold", "1");
        return config;
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
        return StorageFailures.guard(UserAccounts.class, new JdbiUserAccounts(jdbi));
    }

    /** The {@link LeadQueries} port: the read side of the lead store. */
    public LeadQueries leadQueries() {
        return StorageFailures.guard(LeadQueries.class, new JdbiLeadQueries(jdbi, dataSource, reads));
    }

    /** The {@link LeadStore} port: the write side of the lead store. */
    public LeadStore leadStore() {
        return StorageFailures.guard(LeadStore.class, new JdbiLeadStore(jdbi, new JdbiLeadDetail(new PlainJdbc(dataSource))));
    }

    /** The {@link LeadIntake} port: creating and capturing leads. */
    public LeadIntake leadIntake() {
        return StorageFailures.guard(LeadIntake.class, new JdbiLeadIntake(jdbi));
    }

    /** The {@link ConsentLedger} port: leads' consent ledgers. */
    public ConsentLedger consentLedger() {
        return StorageFailures.guard(ConsentLedger.class, new JdbiConsentLedger(jdbi));
    }

    /** The {@link OrgDirectory} port. */
    public OrgDirectory orgDirectory() {
        return StorageFailures.guard(OrgDirectory.class, new JdbiOrgDirectory(jdbi));
    }

    /** The {@link RateLimiter} port, shared by every process on this database. */
    public RateLimiter rateLimiter() {
        return StorageFailures.guard(RateLimiter.class, new PostgresRateLimiter(jdbi));
    }

    /** The {@link IdempotencyRecords} port, shared by every process on this database. */
    public IdempotencyRecords idempotencyRecords() {
        return StorageFailures.guard(IdempotencyRecords.class, new JdbiIdempotencyRecords(jdbi));
    }

    /** The {@link MatchingLeads} port: every lead matching a filter, streamed, for exports. */
    public MatchingLeads matchingLeads() {
        return StorageFailures.guard(MatchingLeads.class, new JdbiMatchingLeads(reads));
    }

    /** The {@link MessageEventLog} port: providers' reports, recorded exactly once. */
    public MessageEventLog messageEventLog() {
        return StorageFailures.guard(MessageEventLog.class, new JdbiMessageEventLog(jdbi));
    }

    /** The {@link LeadExports} port: export jobs and their files. */
    public LeadExports leadExports() {
        return StorageFailures.guard(LeadExports.class, new JdbiLeadExports(jdbi));
    }

    /** Seeds the demo orgs, users and leads, once. */
    public DemoDataSeeder demoDataSeeder(Clock clock) {
        return new DemoDataSeeder(jdbi, clock);
    }
}
