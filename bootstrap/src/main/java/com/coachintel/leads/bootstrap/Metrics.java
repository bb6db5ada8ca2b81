package com.coachintel.leads.bootstrap;

import com.coachintel.leads.adapter.http.MetricsServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;

/**
 * The process's meters, kept only when LEADS_METRICS_PORT is set: a Prometheus registry with the JVM's meters bound
 * (memory, GC, threads, classes, CPU, uptime, file descriptors), which the pool, the HTTP side and the jobs add theirs
 * to, and the port that serves it.
 */
final class Metrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private MetricsServer server;

    Metrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    MeterRegistry registry() {
        return registry;
    }

    /** Serves {@code GET /metrics} on {@code host}:{@code port}; returns the address bound. */
    InetSocketAddress serve(String host, int port) {
        server = new MetricsServer(host, port, registry::scrape, MetricsServer.PROMETHEUS_TEXT);
        return server.address();
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        gc.close();
        registry.close();
    }
}
