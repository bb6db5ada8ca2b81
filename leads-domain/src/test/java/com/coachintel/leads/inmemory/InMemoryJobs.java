package com.coachintel.leads.inmemory;

import com.coachintel.leads.domain.export.ExportId;
import com.coachintel.leads.domain.port.ExportScheduler;
import com.coachintel.leads.domain.port.JobWorker;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The job ports in memory: exports are queued, not run, until the embedder or a test runs them ({@link #runQueued}),
 * so that a test decides when the "background" happens. The worker says it runs.
 */
public final class InMemoryJobs {

    private final List<ExportId> queued = new ArrayList<>();

    /** Queues each export it is given. */
    public ExportScheduler exportScheduler() {
        return id -> {
            synchronized (queued) {
                queued.add(id);
            }
        };
    }

    /** A worker that is always running. */
    public JobWorker jobWorker() {
        return () -> JobWorker.State.RUNNING;
    }

    /** The exports queued so far and not yet run, oldest first. */
    public List<ExportId> queued() {
        synchronized (queued) {
            return List.copyOf(queued);
        }
    }

    /**
     * Runs every queued export, oldest first, with {@code run} (such as {@code ExportService::runExport}); an export
     * whose run throws stays queued, as a job scheduler would retry it.
     *
     * @return how many ran without throwing
     */
    public int runQueued(Consumer<ExportId> run) {
        int ran = 0;
        for (ExportId id : queued()) {
            run.accept(id);
            synchronized (queued) {
                queued.remove(id);
            }
            ran++;
        }
        return ran;
    }
}
