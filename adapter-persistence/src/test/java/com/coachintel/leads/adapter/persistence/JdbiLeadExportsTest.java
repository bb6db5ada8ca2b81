package com.coachintel.leads.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachintel.leads.domain.LeadStatus;
import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.Tag;
import com.coachintel.leads.domain.export.ExportId;
import com.coachintel.leads.domain.export.ExportStatus;
import com.coachintel.leads.domain.export.LeadExport;
import com.coachintel.leads.domain.port.LeadExports;
import com.coachintel.leads.domain.query.CreatedRange;
import com.coachintel.leads.domain.query.LeadFilters;
import com.coachintel.leads.domain.query.PageRequest;
import com.coachintel.leads.domain.query.SearchTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JdbiLeadExportsTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static TestDatabase db;
    static LeadExports exports;
    static OrgId org;

    @BeforeAll
    static void open() {
        db = TestPostgres.freshDatabase();
        exports = new PostgresPersistence(db.dataSource()).leadExports();
        org = new OrgId(LeadRows.insertOrg(db, "Acme"));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    static LeadExport queued(LeadFilters filters, Instant expiresAt) {
        LeadExport export = LeadExport.queued(ExportId.random(), org, "coach@example.com", filters, NOW, expiresAt);
        exports.create(export);
        return export;
    }

    @Test
    void stores_and_reads_back_exports_with_their_filters() {
        LeadExport export = queued(EVERY_CRITERION, NOW.plusSeconds(3600));

        assertThat(exports.find(org, export.id())).contains(export);
        assertThat(queued(LeadFilters.none(), NOW.plusSeconds(3600)).filters()).isEqualTo(LeadFilters.none());
        assertThat(exports.find(new OrgId(UUID.randomUUID()), export.id())).isEmpty();
        assertThat(exports.list(org, PageRequest.first()).items()).extracting(LeadExport::id).contains(export.id());
    }

    static final LeadFilters EVERY_CRITERION = LeadFilters.none().withSearch(SearchTerm.parse("ada", "q"))
            .withStatuses(Set.of(LeadStatus.INVITED, LeadStatus.LOST)).withTags(Set.of(new Tag("vip"), new Tag("q4-promo")))
            .withCreated(new CreatedRange(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00.000001Z")));

    /** How the code before {@link ExportFilterJson} stored an export's filters, word for word. */
    private static void insertTheWayReleasedCodeDid(ExportId id, String q, String[] statuses, String[] tags, Instant from,
            Instant before) {
        db.jdbi().useHandle(handle -> handle.createUpdate("""
                        INSERT INTO lead_exports (id, org_id, requested_by, filters, status, created_at, expires_at)
                        VALUES (:id, :org, :by,
                                jsonb_build_object('q', CAST(:q AS text), 'statuses', CAST(:statuses AS text[]),
                                                   'tags', CAST(:tags AS text[]), 'created_from', CAST(:from AS timestamptz),
                                                   'created_before', CAST(:before AS timestamptz)),
                                :status, :createdAt, :expiresAt)""")
                .bind("id", id.value()).bind("org", org.value()).bind("by", "coach@example.com")
                .bind("q", q).bind("statuses", statuses).bind("tags", tags)
                .bind("from", SqlRows.utc(from)).bind("before", SqlRows.utc(before))
                .bind("status", "queued").bind("createdAt", SqlRows.utc(NOW)).bind("expiresAt", SqlRows.utc(NOW.plusSeconds(60)))
                .execute());
    }

    @Test
    void reads_the_filters_of_exports_stored_by_the_released_code() {
        ExportId every = ExportId.random();
        insertTheWayReleasedCodeDid(every, "ada", new String[] {"invited", "lost"}, new String[] {"q4-promo", "vip"},
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00.000001Z"));
        ExportId none = ExportId.random();
        insertTheWayReleasedCodeDid(none, null, new String[0], new String[0], null, null);

        assertThat(exports.find(org, every).orElseThrow().filters()).isEqualTo(EVERY_CRITERION);
        assertThat(exports.find(org, none).orElseThrow().filters()).isEqualTo(LeadFilters.none());
        assertThat(db.scalar(String.class, "SELECT filters::text FROM lead_exports WHERE id = ?", none.value()))
                .as("the released code's form of no filter").contains("\"q\": null").contains("\"statuses\": []");
    }

    @Test
    void files_of_several_chunks_come_back_byte_for_byte_and_a_rerun_starts_afresh() throws IOException {
        LeadExport export = queued(LeadFilters.none(), NOW.plusSeconds(3600));
        byte[] content = new byte[JdbiLeadExports.CHUNK_BYTES * 2 + 12_345];
        new Random(7).nextBytes(content);

        exports.markRunning(export.id());
        try (OutputStream file = exports.openFile(export.id())) {
            file.write(content, 0, 100);
            file.write(content, 100, content.length - 100);
        }
        exports.markSucceeded(export.id(), 42, NOW);
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        exports.copyFile(export.id(), back);

        assertThat(back.toByteArray()).isEqualTo(content);
        assertThat(db.scalar(Integer.class, "SELECT count(*) FROM lead_export_chunks WHERE export_id = ?", export.id().value()))
                .isEqualTo(3);
        LeadExport done = exports.find(org, export.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(ExportStatus.SUCCEEDED);
        assertThat(done.rowCount()).isEqualTo(42);
        assertThat(done.finishedAt()).isEqualTo(NOW);

        exports.markRunning(export.id());
        assertThat(db.scalar(Integer.class, "SELECT count(*) FROM lead_export_chunks WHERE export_id = ?", export.id().value()))
                .isZero();
        assertThat(exports.find(org, export.id()).orElseThrow().rowCount()).isNull();
    }

    @Test
    void failures_keep_their_reason() {
        LeadExport export = queued(LeadFilters.none(), NOW.plusSeconds(3600));

        exports.markFailed(export.id(), "PSQLException: connection reset", NOW);

        LeadExport failed = exports.find(org, export.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(ExportStatus.FAILED);
        assertThat(failed.error()).isEqualTo("PSQLException: connection reset");
    }

    @Test
    void expired_exports_go_with_their_files() throws IOException {
        LeadExport expired = queued(LeadFilters.none(), NOW.minusSeconds(1));
        LeadExport alive = queued(LeadFilters.none(), NOW.plusSeconds(60));
        try (OutputStream file = exports.openFile(expired.id())) {
            file.write(new byte[] {1, 2, 3});
        }

        assertThat(exports.deleteExpired(NOW)).isGreaterThanOrEqualTo(1);

        assertThat(exports.find(org, expired.id())).isEmpty();
        assertThat(exports.find(org, alive.id())).isPresent();
        assertThat(db.scalar(Integer.class, "SELECT count(*) FROM lead_export_chunks WHERE export_id = ?", expired.id().value()))
                .isZero();
    }
}
