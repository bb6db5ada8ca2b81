package com.coachintel.leads.application.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.query.LeadFilters;
import com.coachintel.leads.domain.user.Caller;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BoundedExportsTest {

    static final Caller CALLER = new Caller(new OrgId(java.util.UUID.randomUUID()), "demo@coachintel.test");

    final CountDownLatch running = new CountDownLatch(1);
    final CountDownLatch finish = new CountDownLatch(1);
    final ExportLeadsUseCase slow = (caller, filters, target) -> {
        target.open();
        running.countDown();
        try {
            finish.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new ExportWritten(1, 0);
    };

    @Test
    void one_over_the_limit_is_refused_at_once_before_its_output_is_opened_and_the_slot_comes_back() throws Exception {
        BoundedExports exports = new BoundedExports(slow, 1);
        CompletableFuture<ExportWritten> first = CompletableFuture.supplyAsync(() -> export(exports));
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

        boolean[] opened = {false};
        assertThatThrownBy(() -> exports.exportCsv(CALLER, LeadFilters.none(), () -> {
            opened[0] = true;
            return new ByteArrayOutputStream();
        })).isInstanceOfSatisfying(ExportsBusyException.class, e -> {
            assertThat(e.code()).isEqualTo("exports-busy");
            assertThat(e.retryAfter()).isPositive();
        });
        assertThat(opened[0]).as("a refused export opens nothing").isFalse();

        finish.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS).rows()).isEqualTo(1);
        assertThat(exports.exportCsv(CALLER, LeadFilters.none(), ByteArrayOutputStream::new).rows()).isEqualTo(1);
    }

    @Test
    void a_failed_export_gives_its_slot_back() throws Exception {
        BoundedExports exports = new BoundedExports((caller, filters, target) -> {
            throw new IOException("client went away");
        }, 1);

        assertThatThrownBy(() -> exports.exportCsv(CALLER, LeadFilters.none(), ByteArrayOutputStream::new))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> exports.exportCsv(CALLER, LeadFilters.none(), ByteArrayOutputStream::new))
                .as("the slot came back: the same failure, not busy").isInstanceOf(IOException.class);
    }

    private ExportWritten export(BoundedExports exports) {
        try {
            return exports.exportCsv(CALLER, LeadFilters.none(), ByteArrayOutputStream::new);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
