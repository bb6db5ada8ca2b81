package com.coachintel.leads.adapter.jobs;

import com.coachintel.leads.application.export.RunExportUseCase;
import com.coachintel.leads.domain.port.ExportScheduler;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jobrunr.dashboard.JobRunrDashboardWebServer;
import org.jobrunr.dashboard.JobRunrDashboardWebServerConfiguration;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.server.JobActivator;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.sql.postgres.PostgresStorageProvider;
import org.jobrunr.utils.mapper.JsonMapper;
import org.jobrunr.utils.mapper.jackson.JacksonJsonMapper;

/**
 * JobRunr, wired by hand and without its global singletons, so that an API-only process, a worker-only
 * process (or both in one test JVM) each own their objects. Storage is PostgreSQL over the service's own
 * DataSource (JobRunr creates its {@code jobrunr_*} tables on first use).
 *
 * <p>Every process gets the scheduler; {@link #startWorker} and {@link #startDashboard} are for the
 * processes that run jobs. {@link #close()} stops what was started.
 */
public final class JobRunrJobs implements AutoCloseable {

    /** How often the cleanup of expired exports runs. */
    static final Duration CLEANUP_INTERVAL = Duration.ofMinutes(10);
    static final String CLEANUP_JOB_ID = "delete-expired-lead-exports";

    private final StorageProvider storage;
    private final JsonMapper jsonMapper;
    private final JobRequestScheduler scheduler;
    private BackgroundJobServer worker;
    private JobRunrDashboardWebServer dashboard;

    public JobRunrJobs(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        this.jsonMapper = new JacksonJsonMapper();
        this.storage = new PostgresStorageProvider(dataSource);
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
     * @param exports      what the export and cleanup jobs call
     * @param workers      how many jobs run at once
     * @param pollInterval how often the worker looks for new jobs (JobRunr's minimum is 5 seconds)
     */
    public synchronized void startWorker(RunExportUseCase exports, int workers, Duration pollInterval) {
        if (worker != null) {
            throw new IllegalStateException("the worker is already running");
        }
        Map<Class<?>, Object> handlers = Map.of(
                ExportJobHandler.class, new ExportJobHandler(exports),
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
                        .andName("leads-worker")
                        .andWorkerCount(workers)
                        .andPollInterval(pollInterval));
        worker.start();
        scheduler.scheduleRecurrently(CLEANUP_JOB_ID, CLEANUP_INTERVAL, new ExpiredExportsCleanupRequest());
    }

    /**
     * Starts JobRunr's dashboard on {@code port}, with basic authentication when credentials are given.
     * Anonymous usage reporting is off.
     */
    public synchronized void startDashboard(int port, Optional<Credentials> credentials) {
        if (dashboard != null) {
            throw new IllegalStateException("the dashboard is already running");
        }
        JobRunrDashboardWebServerConfiguration configuration = JobRunrDashboardWebServerConfiguration
                .usingStandardDashboardConfiguration()
                .andPort(port)
                .andAllowAnonymousDataUsage(false);
        credentials.ifPresent(c -> configuration.andBasicAuthentication(c.user(), c.password()));
        dashboard = new JobRunrDashboardWebServer(storage, jsonMapper, configuration);
        dashboard.start();
    }

    /** Whether this process runs jobs. */
    public synchronized boolean workerRunning() {
        return worker != null && worker.isRunning();
    }

    @Override
    public synchronized void close() {
        if (dashboard != null) {
            dashboard.stop();
            dashboard = null;
        }
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
