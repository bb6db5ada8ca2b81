package com.coachintel.leads.adapter.http;

import com.coachintel.leads.application.health.CheckHealthUseCase;
import com.coachintel.leads.application.health.CheckReadinessUseCase;
import com.coachintel.leads.application.health.Readiness;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code GET /health} (the process is alive, and how its job worker is doing) and {@code GET /ready} (it can serve:
 * the database answers). A recovering worker never fails either: load balancers look at {@code /ready}, and the
 * API serves while the worker waits for the database.
 */
final class HealthHandlers {

    private final CheckHealthUseCase health;
    private final CheckReadinessUseCase readiness;

    HealthHandlers(CheckHealthUseCase health, CheckReadinessUseCase readiness) {
        this.health = Objects.requireNonNull(health, "health");
        this.readiness = Objects.requireNonNull(readiness, "readiness");
    }

    void health(Context ctx) {
        String jobs = health.checkHealth().jobs().name().toLowerCase(Locale.ROOT);
        JsonResponses.send(ctx, new HealthJson("ok", jobs));
    }

    void ready(Context ctx) {
        Readiness result = readiness.checkReadiness();
        if (result.ready()) {
            JsonResponses.send(ctx, new ReadyJson("ready", result.storageDetail()));
        } else {
            ProblemResponses.send(ctx, ProblemDetail.of("not-ready", "Service Unavailable", 503,
                    "Not ready to serve: " + result.storageDetail()));
        }
    }

    /** {@code GET /health}: the process is up; {@code jobs} is its job worker's state. */
    record HealthJson(String status, String jobs) {
    }

    /** {@code GET /ready}: the database answers. */
    record ReadyJson(String status, String database) {
    }
}
