package com.coachintel.leads.adapter.http;

import com.coachintel.leads.application.export.ExportJobsUseCase;
import com.coachintel.leads.application.export.ExportLeadsUseCase;
import com.coachintel.leads.application.export.ExportWritten;
import com.coachintel.leads.domain.Violations;
import com.coachintel.leads.domain.export.ExportId;
import com.coachintel.leads.domain.export.LeadExport;
import com.coachintel.leads.domain.query.LeadFilters;
import com.coachintel.leads.domain.query.PageRequest;
import com.coachintel.leads.domain.user.Caller;
import io.javalin.http.Context;
import io.javalin.http.NotAcceptableResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CSV exports: {@code POST /leads/export} streams now; {@code POST /leads/exports} queues a job whose file
 * {@code GET /leads/exports/{id}/file} serves once it has succeeded.
 */
final class ExportHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(ExportHandlers.class);
    private static final String CSV_CONTENT_TYPE = "text/csv; charset=utf-8";

    private final ExportLeadsUseCase exportNow;
    private final ExportJobsUseCase jobs;
    private final Clock clock;
    private final Optional<HttpMetrics> metrics;
    private final RecentWriters writers;

    ExportHandlers(ExportLeadsUseCase exportNow, ExportJobsUseCase jobs, Clock clock, Optional<HttpMetrics> metrics,
            RecentWriters writers) {
        this.exportNow = Objects.requireNonNull(exportNow, "exportNow");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.writers = Objects.requireNonNull(writers, "writers");
    }

    /**
     * Streams the CSV. Status and headers go out only once the export may run (a busy server answers 503 first);
     * a client that leaves, or stops reading for the idle timeout, stops the export and frees its connection.
     */
    void exportNow(Context ctx) throws IOException {
        requireCsvAccepted(ctx);
        QueryParameters.requireNone(ctx);
        LeadFilters filters = filters(ctx);
        Caller caller = Authentication.caller(ctx);
        try {
            ExportWritten written = writers.reading(caller, () -> exportNow.exportCsv(caller, filters, () -> {
                startCsv(ctx, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
                return ctx.res().getOutputStream();
            }));
            ctx.res().getOutputStream().flush();
            metrics.ifPresent(m -> m.exported(written));
            LOG.debug("request {}: export of {} rows for org {} done", RequestIds.of(ctx), written.rows(), caller.orgId());
        } catch (IOException e) {
            // The response is committed; there is nobody left to tell. The cursor is closed and the connection freed.
            LOG.info("request {}: export for org {} stopped, the client went away ({})", RequestIds.of(ctx), caller.orgId(),
                    e.getClass().getSimpleName());
        }
    }

    void requestExport(Context ctx) {
        QueryParameters.requireNone(ctx);
        LeadExport export = jobs.requestExport(Authentication.caller(ctx), filters(ctx));
        ctx.status(202).header("Location", "/leads/exports/" + export.id());
        JsonResponses.send(ctx, ExportJson.from(export));
    }

    void getExport(Context ctx) {
        QueryParameters.requireNone(ctx);
        JsonResponses.send(ctx, ExportJson.from(jobs.getExport(Authentication.caller(ctx), exportId(ctx))));
    }

    void listExports(Context ctx) {
        Violations violations = new Violations();
        QueryParameters parameters = QueryParameters.of(ctx, QueryParameters.PAGE_PARAMETERS, violations);
        PageRequest page = parameters.page();
        violations.throwIfAny();
        JsonResponses.send(ctx, LeadJson.PageJson.from(jobs.listExports(Authentication.caller(ctx), page),
                ExportJson::from));
    }

    /** 404 and 409 come from the use case before any byte; the headers are sent once the file is known to be there. */
    void downloadExport(Context ctx) throws IOException {
        QueryParameters.requireNone(ctx);
        requireCsvAccepted(ctx);
        ExportId id = exportId(ctx);
        try {
            jobs.downloadExport(Authentication.caller(ctx), id, export -> {
                startCsv(ctx, LocalDate.ofInstant(export.createdAt(), ZoneOffset.UTC));
                return outputStream(ctx);
            });
            ctx.res().getOutputStream().flush();
        } catch (IOException e) {
            LOG.info("request {}: download of export {} stopped, the client went away ({})", RequestIds.of(ctx), id,
                    e.getClass().getSimpleName());
        }
    }

    private static OutputStream outputStream(Context ctx) {
        try {
            return ctx.res().getOutputStream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void startCsv(Context ctx, LocalDate date) {
        ctx.status(200);
        ctx.res().setContentType(CSV_CONTENT_TYPE);
        ctx.res().setHeader("Content-Disposition", "attachment; filename=\"leads-" + date + ".csv\"");
        ctx.res().setHeader(RequestIds.HEADER, RequestIds.of(ctx));
    }

    private static void requireCsvAccepted(Context ctx) {
        if (!MediaTypes.acceptsCsv(ctx)) {
            throw new NotAcceptableResponse("This endpoint answers text/csv; the Accept header rules it out");
        }
    }

    /** The export filters from a JSON body: the list's filters, where status and tag may be a string or an array. */
    private static LeadFilters filters(Context ctx) {
        Violations violations = new Violations();
        JsonBody body = JsonBody.readAny(ctx, violations);
        QueryParameters parameters = QueryParameters.of(body.asParameters(Set.of("status", "tag")), FilterParameters.NAMES,
                violations, "is not a property of this request");
        LeadFilters filters = FilterParameters.read(parameters, violations);
        violations.throwIfAny();
        return filters;
    }

    private static ExportId exportId(Context ctx) {
        return ExportId.parse(ctx.pathParam("id"), "id");
    }

    /** An export job as the API shows it. */
    record ExportJson(String id, String status, Long rowCount, Instant createdAt, Instant finishedAt, Instant expiresAt,
            String error) {
        static ExportJson from(LeadExport export) {
            return new ExportJson(export.id().toString(), export.status().wireName(), export.rowCount(), export.createdAt(),
                    export.finishedAt(), export.expiresAt(), export.error());
        }
    }
}
