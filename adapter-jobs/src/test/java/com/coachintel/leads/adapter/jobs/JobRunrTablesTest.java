package com.coachintel.leads.adapter.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachintel.leads.adapter.persistence.DatabaseSettings;
import com.coachintel.leads.adapter.persistence.PostgresPersistence;
import com.coachintel.leads.adapter.persistence.TestDatabase;
import com.coachintel.leads.adapter.persistence.TestPostgres;
import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Processes that start together on a fresh database each build JobRunr's storage, and none fails migrating it. */
class JobRunrTablesTest {

    @Test
    void four_starts_at_once_on_a_fresh_database_all_succeed_and_migrate_once() throws Exception {
        int starts = 4;
        try (TestDatabase db = TestPostgres.freshDatabase()) {
            List<HikariDataSource> pools = new ArrayList<>();
            ExecutorService threads = Executors.newFixedThreadPool(starts);
            try {
                CountDownLatch together = new CountDownLatch(1);
                List<Future<JobRunrJobs>> started = new ArrayList<>();
                for (int i = 0; i < starts; i++) {
                    // A pool each, and of one connection: as separate processes, and the smallest pool allowed.
                    HikariDataSource pool = PostgresPersistence.pooledDataSource(
                            new DatabaseSettings(db.jdbcUrl(), "postgres", null, 1), "start-" + i);
                    pools.add(pool);
                    started.add(threads.submit(() -> {
                        together.await();
                        return new JobRunrJobs(pool);
                    }));
                }
                together.countDown();
                for (Future<JobRunrJobs> jobs : started) {
                    jobs.get(60, TimeUnit.SECONDS).close();
                }
            } finally {
                threads.shutdownNow();
                pools.forEach(HikariDataSource::close);
            }
            assertThat(db.scalar(Long.class, "SELECT count(*) FROM jobrunr_migrations"))
                    .isEqualTo(db.scalar(Long.class, "SELECT count(DISTINCT script) FROM jobrunr_migrations"));
        }
    }
}
