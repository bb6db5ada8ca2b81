package com.coachintel.leads.adapter.http;

import com.coachintel.leads.application.health.CheckReadinessUseCase;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Leads HTTP API: every route declared in one place, over the use cases it is given.
 * {@link #start()} binds the socket; {@link #stop()} lets in-flight requests finish and closes it.
 */
public final class HttpApi {

    private static final Logger ACCESS_LOG = LoggerFactory.getLogger("com.coachintel.leads.access");

    private final Javalin app;
    private final HttpSettings settings;

    /**
     * @param settings  where to listen
     * @param readiness the readiness use case behind {@code GET /ready}
     */
    public HttpApi(HttpSettings settings, CheckReadinessUseCase readiness) {
        this.settings = Objects.requireNonNull(settings, "settings");
        HealthHandlers health = new HealthHandlers(readiness);
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.http.prefer405over404 = true;
            config.jsonMapper(new JavalinJackson(JsonMapping.objectMapper(), false));
            config.requestLogger.http((ctx, millis) -> ACCESS_LOG.debug("{} {} {} {} ms request_id={}",
                    ctx.method(), ctx.path(), ctx.statusCode(), Math.round(millis), RequestIds.of(ctx)));

            config.routes.before(RequestIds::assign);
            config.routes.get("/health", health::health);
            config.routes.get("/ready", health::ready);
            ProblemResponses.register(config.routes);
        });
    }

    /** Starts listening; returns this for chaining. */
    public HttpApi start() {
        app.start();
        return this;
    }

    /** The port actually bound (useful when the settings asked for 0). */
    public int port() {
        return app.port();
    }

    /** The base URL callers use, such as {@code http://127.0.0.1:8080}. */
    public String baseUrl() {
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return "http://" + host + ":" + port();
    }

    /** Stops accepting requests and closes the server. */
    public void stop() {
        app.stop();
    }
}
