package com.coachintel.leads.adapter.http;

import com.coachintel.leads.application.health.CheckReadinessUseCase;
import com.coachintel.leads.application.health.Readiness;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Objects;

/** {@code GET /health} (the process is alive) and {@code GET /ready} (it can serve: the database answers). */
final class HealthHandlers {

    private final CheckReadinessUseCase readiness;

    HealthHandlers(CheckReadinessUseCase readiness) {
        this.readiness = Objects.requireNonNull(readiness, "readiness");
    }

    void health(Context ctx) {
        JsonResponses.send(ctx, Map.of("status", "ok"));
    }

    void ready(Context ctx) {
        Readiness result = readiness.checkReadiness();
        if (result.ready()) {
            JsonResponses.send(ctx, Map.of("status", "ready", "database", result.storageDetail()));
        } else {
            ProblemResponses.send(ctx, ProblemDetail.of("not-ready", "Service Unavailable", 503,
                    "Not ready to serve: " + result.storageDetail()));
        }
    }
}
