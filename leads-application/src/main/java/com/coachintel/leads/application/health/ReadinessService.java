package com.coachintel.leads.application.health;

import com.coachintel.leads.domain.port.JobWorker;
import com.coachintel.leads.domain.port.StorageHealth;
import java.util.Objects;

/** {@link CheckReadinessUseCase} over the {@link StorageHealth} port, {@link CheckHealthUseCase} over {@link JobWorker}. */
public final class ReadinessService implements CheckReadinessUseCase, CheckHealthUseCase {

    private final StorageHealth storageHealth;
    private final JobWorker jobWorker;

    public ReadinessService(StorageHealth storageHealth, JobWorker jobWorker) {
        this.storageHealth = Objects.requireNonNull(storageHealth, "storageHealth");
        this.jobWorker = Objects.requireNonNull(jobWorker, "jobWorker");
    }

    @Override
    public Readiness checkReadiness() {
        StorageHealth.Status storage = storageHealth.check();
        return new Readiness(storage.reachable(), storage.detail());
    }

    @Override
    public Health checkHealth() {
        return new Health(jobWorker.state());
    }
}
