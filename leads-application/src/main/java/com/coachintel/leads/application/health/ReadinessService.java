package com.coachintel.leads.application.health;

import com.coachintel.leads.domain.port.StorageHealth;
import java.util.Objects;

/** {@link CheckReadinessUseCase} over the {@link StorageHealth} port. */
public final class ReadinessService implements CheckReadinessUseCase {

    private final StorageHealth storageHealth;

    public ReadinessService(StorageHealth storageHealth) {
        this.storageHealth = Objects.requireNonNull(storageHealth, "storageHealth");
    }

    @Override
    public Readiness checkReadiness() {
        StorageHealth.Status storage = storageHealth.check();
        return new Readiness(storage.reachable(), storage.detail());
    }
}
