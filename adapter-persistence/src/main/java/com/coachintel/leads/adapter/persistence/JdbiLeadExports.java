package com.coachintel.leads.adapter.persistence;

import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.export.ExportId;
import com.coachintel.leads.domain.export.ExportStatus;
import com.coachintel.leads.domain.export.LeadExport;
import com.coachintel.leads.domain.port.LeadExports;
import com.coachintel.leads.domain.query.LeadFilters;
import com.coachintel.leads.domain.query.Page;
import com.coachintel.leads.domain.query.PageRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * {@link LeadExports} on PostgreSQL: the export rows in {@code lead_exports}, their files in 1 MiB pieces in
 * {@code lead_export_chunks}. Writing and reading a file both stream, so neither needs it whole in memory,
 * and every instance on the database can serve every export.
 */
final class JdbiLeadExports implements LeadExports {

    static final int CHUNK_BYTES = 1024 * 1024;

    private static final String COLUMNS = """
            id, org_id, requested_by, status, row_count, created_at, finished_at, expires_at, error,
            filters::text AS filters""";

    private final Jdbi jdbi;

    JdbiLeadExports(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void create(LeadExport export) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO lead_exports (id, org_id, requested_by, filters, status, created_at, expires_at)
                        VALUES (:id, :org, :by, CAST(:filters AS jsonb), :status, :createdAt, :expiresAt)""")
                .bind("id", export.id().value()).bind("org", export.orgId().value()).bind("by", export.requestedBy())
                .bind("filters", ExportFilterJson.encode(export.filters()))
                .bind("status", export.status().wireName())
                .bind("createdAt", SqlRows.utc(export.createdAt())).bind("expiresAt", SqlRows.utc(export.expiresAt()))
                .execute());
    }

    @Override
    public Optional<LeadExport> find(OrgId org, ExportId id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM lead_exports WHERE id = :id AND org_id = :org")
                .bind("id", id.value()).bind("org", org.value()).map(JdbiLeadExports::export).findOne());
    }

    @Override
    public Optional<LeadExport> findForWorker(ExportId id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM lead_exports WHERE id = :id")
                .bind("id", id.value()).map(JdbiLeadExports::export).findOne());
    }

    @Override
    public Page<LeadExport> list(OrgId org, PageRequest page) {
        return jdbi.inTransaction(handle -> {
            long total = handle.createQuery("SELECT count(*) FROM lead_exports WHERE org_id = :org")
                    .bind("org", org.value()).mapTo(Long.class).one();
            var items = handle.createQuery("SELECT " + COLUMNS + " FROM lead_exports WHERE org_id = :org "
                            + "ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                    .bind("org", org.value()).bind("limit", page.limit()).bind("offset", page.offset())
                    .map(JdbiLeadExports::export).list();
            return new Page<>(items, total, page.limit(), page.offset());
        });
    }

    @Override
    public void markRunning(ExportId id) {
        jdbi.useTransaction(handle -> {
            handle.execute("DELETE FROM lead_export_chunks WHERE export_id = ?", id.value());
            handle.execute("""
                    UPDATE lead_exports SET status = 'running', started_at = now(), finished_at = NULL, error = NULL,
                           row_count = NULL, byte_count = NULL
                    WHERE id = ?""", id.value());
        });
    }

    @Override
    public void markSucceeded(ExportId id, long rowCount, Instant at) {
        jdbi.useHandle(handle -> handle.execute(
                "UPDATE lead_exports SET status = 'succeeded', row_count = ?, finished_at = ?, error = NULL WHERE id = ?",
                rowCount, SqlRows.utc(at), id.value()));
    }

    @Override
    public void markFailed(ExportId id, String error, Instant at) {
        String bounded = error == null ? "unknown error" : error.length() <= 2000 ? error : error.substring(0, 2000);
        jdbi.useHandle(handle -> handle.execute(
                "UPDATE lead_exports SET status = 'failed', finished_at = ?, error = ? WHERE id = ?",
                SqlRows.utc(at), bounded, id.value()));
    }

    @Override
    public OutputStream openFile(ExportId id) {
        return new ChunkOutputStream(id);
    }

    @Override
    public void copyFile(ExportId id, OutputStream out) throws IOException {
        try {
            jdbi.useTransaction(handle -> handle.createQuery(
                            "SELECT data FROM lead_export_chunks WHERE export_id = :id ORDER BY seq")
                    .bind("id", id.value())
                    .setFetchSize(1) // one piece in memory at a time
                    .map((rs, ctx) -> rs.getBinaryStream("data"))
                    .forEach(data -> {
                        try (InputStream in = data) {
                            in.transferTo(out);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public int deleteExpired(Instant now) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM lead_exports WHERE expires_at < :now")
                .bind("now", SqlRows.utc(now)).execute());
    }

    private static LeadExport export(ResultSet rs, StatementContext ctx) throws SQLException {
        LeadFilters filters = ExportFilterJson.decode(rs.getString("filters"));
        Long rowCount = rs.getObject("row_count", Long.class);
        return new LeadExport(new ExportId(rs.getObject("id", UUID.class)), new OrgId(rs.getObject("org_id", UUID.class)),
                rs.getString("requested_by"), filters,
                ExportStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                rowCount, SqlRows.instant(rs, "created_at"), SqlRows.instant(rs, "finished_at"),
                SqlRows.instant(rs, "expires_at"), rs.getString("error"));
    }

    /** Buffers up to one chunk and stores each full chunk as the next piece; close stores the rest. */
    private final class ChunkOutputStream extends OutputStream {
        private final ExportId id;
        private final byte[] buffer = new byte[CHUNK_BYTES];
        private int filled;
        private int seq;
        private long bytes;
        private boolean closed;

        ChunkOutputStream(ExportId id) {
            this.id = id;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] data, int offset, int length) throws IOException {
            if (closed) {
                throw new IOException("export file " + id + " is closed");
            }
            while (length > 0) {
                int n = Math.min(length, buffer.length - filled);
                System.arraycopy(data, offset, buffer, filled, n);
                filled += n;
                offset += n;
                length -= n;
                if (filled == buffer.length) {
                    storeChunk();
                }
            }
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (filled > 0) {
                storeChunk();
            }
            jdbi.useHandle(handle -> handle.execute("UPDATE lead_exports SET byte_count = ? WHERE id = ?", bytes, id.value()));
        }

        private void storeChunk() {
            byte[] piece = Arrays.copyOf(buffer, filled);
            int pieceSeq = seq++;
            jdbi.useHandle(handle -> handle.execute(
                    "INSERT INTO lead_export_chunks (export_id, seq, data) VALUES (?, ?, ?)", id.value(), pieceSeq, piece));
            bytes += filled;
            filled = 0;
        }
    }
}
