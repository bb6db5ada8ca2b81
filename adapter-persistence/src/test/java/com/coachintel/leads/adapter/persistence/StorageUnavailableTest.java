package com.coachintel.leads.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.StorageUnavailableException;
import com.coachintel.leads.domain.port.LeadQueries;
import com.coachintel.leads.domain.query.LeadQuery;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A database that does not answer is "unavailable" at every port, never an internal error: real faults. */
class StorageUnavailableTest {

    static PausablePostgres postgres;
    static TestDatabase db;
    static OrgId org;

    @BeforeAll
    static void start() {
        postgres = PausablePostgres.start();
        db = postgres.database();
        org = new OrgId(LeadRows.insertOrg(db, "Paused Coaching"));
    }

    @AfterAll
    static void stop() {
        db.close();
        postgres.close();
    }

    @Test
    void a_paused_database_is_storage_unavailable_within_the_pool_timeout_and_serves_again_once_resumed() {
        LeadQueries leads = new PostgresPersistence(db.dataSource()).leadQueries();
        assertThat(leads.list(org, LeadQuery.all()).total()).isZero();

        postgres.pause();
        long started = System.nanoTime();
        try {
            sleep(Duration.ofMillis(600)); // past Hikari's 500 ms in which it hands out a connection unchecked
            assertThatThrownBy(() -> leads.list(org, LeadQuery.all()))
                    .isInstanceOf(StorageUnavailableException.class)
                    .hasMessageStartingWith("the database did not answer");
        } finally {
            postgres.resume();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        assertThat(leads.list(org, LeadQuery.all()).total()).isZero();
    }

    @Test
    void an_exhausted_pool_is_storage_unavailable() throws Exception {
        DatabaseSettings settings = db.settings();
        try (HikariDataSource one = PostgresPersistence.pooledDataSource(
                new DatabaseSettings(settings.jdbcUrl(), settings.user(), settings.password(), 1), "one");
                Connection held = one.getConnection()) {
            LeadQueries leads = new PostgresPersistence(one).leadQueries();

            assertThatThrownBy(() -> leads.details(org, new com.coachintel.leads.domain.LeadId(UUID.randomUUID()), 5))
                    .isInstanceOf(StorageUnavailableException.class)
                    .hasMessageContaining("SQLTransientConnectionException");
            assertThat(held.isValid(1)).isTrue();
        }
    }

    @Test
    void a_wrong_query_stays_what_it_is() {
        assertThat(StorageFailures.isUnavailable(new java.sql.SQLException("syntax error", "42601"))).isFalse();
        assertThat(StorageFailures.isUnavailable(new RuntimeException(new java.sql.SQLException("gone", "08006")))).isTrue();
        assertThat(StorageFailures.isUnavailable(new java.sql.SQLException("shutting down", "57P01"))).isTrue();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
