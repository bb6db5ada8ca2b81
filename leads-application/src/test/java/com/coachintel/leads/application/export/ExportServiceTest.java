package com.coachintel.leads.application.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.export.ExportId;
import com.coachintel.leads.domain.export.ExportNotFoundException;
import com.coachintel.leads.domain.export.ExportNotReadyException;
import com.coachintel.leads.domain.export.ExportStatus;
import com.coachintel.leads.domain.export.LeadExport;
import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.LeadListItem;
import com.coachintel.leads.domain.LeadStatus;
import com.coachintel.leads.domain.export.LeadCsv;
import com.coachintel.leads.domain.port.MatchingLeads;
import com.coachintel.leads.domain.port.LeadExports;
import com.coachintel.leads.domain.query.LeadFilters;
import com.coachintel.leads.domain.query.PageRequest;
import com.coachintel.leads.domain.user.Caller;
import com.coachintel.leads.inmemory.InMemoryPersistence;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

class ExportServiceTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final OrgId ORG = new OrgId(UUID.randomUUID());
    static final Caller COACH = new Caller(ORG, "coach@example.com");
    static final Caller STRANGER = new Caller(new OrgId(UUID.randomUUID()), "stranger@example.com");

    /** The in-memory exports, with their markRunning calls counted. */
    final AtomicInteger runningMarks = new AtomicInteger();
    final LeadExports exports = counting(new InMemoryPersistence().leadExports(), runningMarks);

    static LeadExports counting(LeadExports exports, AtomicInteger runningMarks) {
        return (LeadExports) Proxy.newProxyInstance(LeadExports.class.getClassLoader(), new Class<?>[] {LeadExports.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("markRunning")) {
                        runningMarks.incrementAndGet();
                    }
                    try {
                        return method.invoke(exports, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    final List<ExportId> scheduled = new ArrayList<>();
    static final LeadId ONLY_LEAD = new LeadId(UUID.fromString("0b7d4a52-5f0e-4c86-9c1f-2a7b5c3d9e10"));
    MatchingLeads leads = (org, filters, each) -> {
        each.accept(new LeadListItem(ONLY_LEAD, NOW, NOW, LeadStatus.WAITLIST, "Ada", null, "ada@example.com", null,
                List.of(), null, null, null, null, null, 1));
        return 1;
    };
    final ExportService service = new ExportService((org, filters, each) -> leads.forEach(org, filters, each), exports,
            scheduled::add, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(24));

    @Test
    void a_requested_export_is_queued_scheduled_and_expires_after_the_ttl() {
        LeadExport export = service.requestExport(COACH, LeadFilters.none());

        assertThat(export.status()).isEqualTo(ExportStatus.QUEUED);
        assertThat(export.requestedBy()).isEqualTo("coach@example.com");
        assertThat(export.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(scheduled).containsExactly(export.id());
        assertThat(service.getExport(COACH, export.id())).isEqualTo(export);
    }

    @Test
    void an_export_that_cannot_be_scheduled_is_marked_failed() {
        ExportService broken = new ExportService(leads, exports, id -> {
            throw new IllegalStateException("job storage down");
        }, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(1));

        assertThatThrownBy(() -> broken.requestExport(COACH, LeadFilters.none())).hasMessage("job storage down");
        assertThat(exports.list(ORG, PageRequest.first()).items()).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(ExportStatus.FAILED);
            assertThat(e.error()).contains("job storage down");
        });
    }

    @Test
    void running_writes_the_file_once_and_a_second_run_changes_nothing() throws IOException {
        ExportId id = service.requestExport(COACH, LeadFilters.none()).id();

        ExportWritten first = service.runExport(id);
        ExportWritten second = service.runExport(id);

        assertThat(runningMarks).hasValue(1);
        LeadExport done = service.getExport(COACH, id);
        assertThat(done.status()).isEqualTo(ExportStatus.SUCCEEDED);
        assertThat(done.rowCount()).isEqualTo(1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        service.downloadExport(COACH, id, export -> out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(String.join(",", LeadCsv.HEADER) + "\r\n"
                + ONLY_LEAD + ",2026-11-26T12:00:00Z,waitlist,Ada,,ada@example.com,,,,,,,\r\n");
        assertThat(first).isEqualTo(new ExportWritten(1, out.size()));
        assertThat(second).isEqualTo(ExportWritten.NOTHING);
    }

    @Test
    void a_failing_run_is_recorded_and_rethrown_and_a_retry_can_succeed() {
        ExportId id = service.requestExport(COACH, LeadFilters.none()).id();
        MatchingLeads working = leads;
        leads = (org, filters, each) -> {
            throw new IOException("connection reset");
        };

        assertThatThrownBy(() -> service.runExport(id)).isInstanceOf(UncheckedIOException.class);
        assertThat(service.getExport(COACH, id).status()).isEqualTo(ExportStatus.FAILED);
        assertThat(service.getExport(COACH, id).error()).isEqualTo("IOException: connection reset");

        leads = working;
        service.runExport(id);
        assertThat(service.getExport(COACH, id).status()).isEqualTo(ExportStatus.SUCCEEDED);
        assertThat(service.getExport(COACH, id).error()).isNull();
    }

    @Test
    void the_file_is_only_there_once_succeeded_and_only_for_the_org() {
        ExportId id = service.requestExport(COACH, LeadFilters.none()).id();

        assertThatThrownBy(() -> service.downloadExport(COACH, id, export -> new ByteArrayOutputStream()))
                .isInstanceOfSatisfying(ExportNotReadyException.class, e -> assertThat(e.status()).isEqualTo(ExportStatus.QUEUED));
        assertThatThrownBy(() -> service.getExport(STRANGER, id)).isInstanceOf(ExportNotFoundException.class);
        assertThat(service.listExports(STRANGER, PageRequest.first()).items()).isEmpty();
    }

    @Test
    void a_vanished_export_is_nothing_to_run_and_expired_ones_are_deleted() {
        service.runExport(ExportId.random());
        service.requestExport(COACH, LeadFilters.none());

        ExportService later = new ExportService(leads, exports, scheduled::add,
                Clock.fixed(NOW.plus(Duration.ofHours(25)), ZoneOffset.UTC), Duration.ofHours(24));

        assertThat(later.deleteExpiredExports()).isEqualTo(1);
        assertThat(exports.list(ORG, PageRequest.first()).items()).isEmpty();
    }
}
