package com.coachintel.leads.application.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachintel.leads.domain.port.JobWorker;
import com.coachintel.leads.domain.port.StorageHealth;
import org.junit.jupiter.api.Test;

class ReadinessServiceTest {

    @Test
    void is_ready_when_the_store_answers() {
        var readiness = new ReadinessService(StorageHealth.Status::up, () -> JobWorker.State.NONE).checkReadiness();

        assertThat(readiness).isEqualTo(new Readiness(true, "reachable"));
    }

    @Test
    void is_not_ready_when_the_store_does_not_answer_and_says_why() {
        var readiness = new ReadinessService(() -> StorageHealth.Status.down("connection refused"), () -> JobWorker.State.RUNNING).checkReadiness();

        assertThat(readiness.ready()).isFalse();
        assertThat(readiness.storageDetail()).isEqualTo("connection refused");
    }

    @Test
    void health_reports_the_worker_state_without_asking_the_store() {
        var health = new ReadinessService(() -> {
            throw new AssertionError("health must not call the store");
        }, () -> JobWorker.State.RECOVERING).checkHealth();

        assertThat(health.jobs()).isEqualTo(JobWorker.State.RECOVERING);
    }
}
