package com.coachintel.leads.adapter.jobs;

import com.coachintel.leads.application.export.RunExportUseCase;
import com.coachintel.leads.domain.port.ExportScheduler;
import com.coachintel.leads.domain.port.JobWorker;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.server.JobActivator;
import org.jobrunr.server.metrics.BackgroundJobServerMetricsBinder;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.StorageProviderUtils;
import org.jobrunr.storage.metrics.StorageProviderMetricsBinder;
import org.jobrunr.storage.sql.postgres.PostgresStorageProvider;
import org.jobrunr.utils.mapper.JsonMapper;
import org.jobrunr.utils.mapper.jackson.JacksonJsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JobRunr, wired by hand and without its global singletons, so that an API-only process, a worker-only
 * process (or both in one test JVM) each own their objects. Storage is PostgreSQL over the service's own
 * DataSource (JobRunr creates its {@code jobrunr_*} tables on first use).
 *
 * <p>Every process gets the scheduler; {@link #startWorker} and {@link #startManagement} are for the
 * processes that run jobs. {@link #close()} stops what was started.
 */
public final class JobRunrJobs implements AutoCloseable {

    /** How often the cleanup of expired exports runs. */
    static final Duration CLEANUP_INTERVAL = Duration.ofMinutes(10);
    static final String CLEANUP_JOB_ID = "delete-expired-lead-exports";

    /** How often a stopped worker is looked at, and started again when the database answers. */
    static final Duration RECOVERY_CHECK = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(JobRunrJobs.class);

    private final DataSource dataSource;
    private final StorageProvider storage;
    private final JsonMapper jsonMapper;
    private final JobRequestScheduler scheduler;
    // Volatile: health reports read it without the lock, which a restart holds while the database is slow.
    private volatile BackgroundJobServer worker;
    private ScheduledExecutorService watchdog;
    private ManagementServer management;
    private Optional<MeterRegistry> meters = Optional.empty();
    private final List<AutoCloseable> meterBinders = new ArrayList<>();
    private boolean closed;

    public JobRunrJobs(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.jsonMapper = new JacksonJsonMapper();
        JobRunrTables.migrate(dataSource);
        this.storage = new PostgresStorageProvider(dataSource, StorageProviderUtils.DatabaseOptions.SKIP_CREATE);
        this.storage.setJobMapper(new JobMapper(jsonMapper));
        this.scheduler = new JobRequestScheduler(storage);
    }

    /** The {@link ExportScheduler} port: works in every process, worker or not. */
    public ExportScheduler exportScheduler() {
        return new JobRunrExportScheduler(scheduler);
    }

    /**
     * Starts processing jobs in this process and (re)registers the recurring cleanup of expired exports.
     *
     * <p>JobRunr's worker stops itself for good when it cannot reach its storage for a while ("An unrecoverable
     * error occurred. Shutting down BackgroundJobServer"). A watchdog looks every {@link #RECOVERY_CHECK}: once the
     * database answers again, it starts the same worker again, and queued jobs run without a restart of the process.
     * Meanwhile {@link #jobWorker()} says {@link JobWorker.State#RECOVERING}.
     *
     * @param exports      what the export and cleanup jobs call
     * @param workers      how many jobs run at once
     * @param pollInterval how often the worker looks for new jobs (JobRunr's minimum is 5 seconds)
     */
    public synchronized void startWorker(RunExportUseCase exports, int workers, Duration pollInterval) {
        if (worker != null) {
            throw new IllegalStateException("the worker is already running");
        }
        Map<Class<?>, Object> handlers = Map.of(
                ExportJobHandler.class, new ExportJobHandler(exports, meters),
                ExpiredExportsCleanupHandler.class, new ExpiredExportsCleanupHandler(exports));
        JobActivator activator = new JobActivator() {
            @Override
            public <T> T activateJob(Class<T> type) {
                Object handler = handlers.get(type);
                if (handler == null) {
                    throw new IllegalArgumentException("no handler is wired for " + type.getName());
                }
                return type.cast(handler);
            }
        };
        worker = new BackgroundJobServer(storage, jsonMapper, activator,
                BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration()
                        .andName(workerName())
                        .andWorkerCount(workers)
                        .andPollInterval(pollInterval));
        worker.start();
        meters.ifPresent(registry -> meterBinders.add(new BackgroundJobServerMetricsBinder(worker, registry)));
        scheduleCleanup();
        watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "leads-worker-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        watchdog.scheduleWithFixedDelay(this::restartWorkerIfStopped, RECOVERY_CHECK.toMillis(), RECOVERY_CHECK.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void restartWorkerIfStopped() {
        BackgroundJobServer stopped;
        synchronized (this) {
            if (worker == null || worker.isRunning()) {
                return;
            }
            stopped = worker;
        }
        if (!databaseAnswers()) {
            return;
        }
        synchronized (this) {
            if (worker != stopped || closed) {
                return;
            }
            try {
                worker.start();
                LOG.info("The job worker is running again: the database answers");
            } catch (RuntimeException e) {
                LOG.warn("The job worker could not start again yet ({}); trying again in {} s", e.getClass().getSimpleName(),
                        RECOVERY_CHECK.toSeconds());
            }
        }
    }

    private boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid((int) RECOVERY_CHECK.toSeconds());
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Puts JobRunr's meters in {@code registry}: {@code jobrunr.jobs.by-state} (job counts by state, read from the
     * database every few seconds, so the same in every process), and, once this process runs the worker, its
     * {@code jobrunr.background-job-server.*} gauges; the export job counts what it writes. Call before
     * {@link #startWorker}.
     */
    public synchronized void bindMetrics(MeterRegistry registry) {
        if (meters.isPresent()) {
            throw new IllegalStateException("metrics are already bound");
        }
        if (worker != null) {
            throw new IllegalStateException("bind metrics before the worker starts");
        }
        meters = Optional.of(registry);
        meterBinders.add(new StorageProviderMetricsBinder(storage, registry));
    }

    /** The {@link JobWorker} port: the state of this process's worker, for health reports. */
    public JobWorker jobWorker() {
        return () -> {
            BackgroundJobServer current = worker;
            if (current == null) {
                return JobWorker.State.NONE;
            }
            return current.isRunning() ? JobWorker.State.RUNNING : JobWorker.State.RECOVERING;
        };
    }

    /**
     * Starts the management port on {@code host}: JobRunr's dashboard at {@code /dashboard}, with basic
     * authentication when credentials are given, and {@code GET /health} with the worker's state. Anonymous usage
     * reporting is off.
     *
     * @return the address bound (its port is chosen when {@code port} is 0)
     */
    public synchronized InetSocketAddress startManagement(String host, int port, Optional<Credentials> credentials) {
        if (management != null) {
            throw new IllegalStateException("the management port is already open");
        }
        management = new ManagementServer(host, port, credentials, storage, jsonMapper, jobWorker());
        management.start();
        return management.address();
    }

    /**
     * The recurring cleanup, saved by every worker that starts. JobRunr looks for the recurring job, then inserts it:
     * two workers starting at once both insert, and the second failed on the primary key and stopped (LeadsJarIT
     * starts two). Once more, it finds the other's row and updates it.
     */
    private void scheduleCleanup() {
        try {
            scheduler.scheduleRecurrently(CLEANUP_JOB_ID, CLEANUP_INTERVAL, new ExpiredExportsCleanupRequest());
        } catch (org.jobrunr.storage.StorageException e) {
            // A database that does not answer fails this again, and the caller's recovery applies.
            LOG.info("saving the export cleanup failed ({}); once more, in case another worker saved it at the same"
                    + " moment", e.getClass().getSimpleName());
            scheduler.scheduleRecurrently(CLEANUP_JOB_ID, CLEANUP_INTERVAL, new ExpiredExportsCleanupRequest());
        }
    }

    /**
     * This process's name among JobRunr's servers (its dashboard's Servers tab): {@code leads-worker} and the host and
     * process id, so that several workers, on one machine or many, are told apart.
     */
    public String workerName() {
        return WORKER_NAME;
    }

    private static final String WORKER_NAME = "leads-worker@" + hostName() + ":" + ProcessHandle.current().pid();

    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.strip();
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }

    /** Whether this process runs jobs. */
    public synchronized boolean workerRunning() {
        return worker != null && worker.isRunning();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (watchdog != null) {
            watchdog.shutdownNow();
            watchdog = null;
        }
        if (management != null) {
            management.close();
            management = null;
        }
        for (AutoCloseable binder : meterBinders) {
            try {
                binder.close();
            } catch (Exception e) {
                LOG.debug("closing a JobRunr meter binder failed", e);
            }
        }
        meterBinders.clear();
        if (worker != null) {
            worker.stop();
            worker = null;
        }
        storage.close();
    }

    /**
     * Basic-authentication credentials of the dashboard.
     *
     * @param user     the user name
     * @param password the password; never logged
     */
    public record Credentials(String user, String password) {
        public Credentials {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Credentials[user=" + user + ", password=***]";
        }
    }
}
