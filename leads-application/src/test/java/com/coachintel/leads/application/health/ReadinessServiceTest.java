package com.coachintel.leads.application.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachintel.leads.domain.port.StorageHealth;
import org.junit.jupiter.api.Test;

class ReadinessServiceTest {

    @Test
    void is_ready_when_the_store_answers() {
        var readiness = new ReadinessService(StorageHealth.Status::up).checkReadiness();

        assertThat(readiness).isEqualTo(new Readiness(true, "reachable"));
    }

    @Test
    void is_not_ready_when_the_store_does_not_answer_and_says_why() {
        var readiness = new ReadinessService(() -> StorageHealth.Status.down("connection refused")).checkReadiness();

        assertThat(readiness.ready()).isFalse();
        assertThat(readiness.storageDetail()).isEqualTo("connection refused");
    }
}
