package com.coachintel.leads.bootstrap;

import com.coachintel.leads.adapter.http.Cidr;
import com.coachintel.leads.adapter.http.HttpSettings;
import com.coachintel.leads.application.phone.LibphonenumberParser;
import com.coachintel.leads.adapter.persistence.DatabaseSettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Everything the process needs to know, read once from environment variables (a {@code -D} system
 * property of the same name wins, for a quick override). A bad value stops start-up with a
 * {@link ConfigException} naming the variable and the accepted form. {@code .env.example} documents each.
 *
 * @param httpHost          LEADS_HTTP_HOST; when unset, 0.0.0.0 with a proxy secret and 127.0.0.1 without
 * @param httpPort          LEADS_HTTP_PORT
 * @param proxySecret       LEADS_PROXY_SECRET: what the proxy sends in x-proxy-secret; empty when unset
 * @param nextAuthSecret    LEADS_NEXTAUTH_SECRET: CoachIntel's NEXTAUTH_SECRET, to accept its session tokens; empty when unset
 * @param dataDir           LEADS_DATA_DIR: where the embedded PostgreSQL keeps its data
 * @param embeddedDbPort    LEADS_EMBEDDED_DB_PORT: the embedded server's port, 0 for any free one
 * @param externalDatabase  DATABASE_URL and friends; empty means the embedded PostgreSQL
 * @param poolSize          DATABASE_POOL_SIZE
 * @param demoData          LEADS_DEMO_DATA; defaults to true on the embedded database, false otherwise
 * @param defaultPhoneRegion LEADS_DEFAULT_PHONE_REGION: how to read phone numbers written without a country code
 * @param exportTtl         LEADS_EXPORT_TTL: how long background exports and their files are kept
 * @param jobsWorker        LEADS_JOBS_WORKER: whether {@code serve} also runs background jobs
 * @param dashboardPort     JOBRUNR_DASHBOARD_PORT: the management port (JobRunr dashboard, worker health) wherever jobs
 *                          run; empty for {@code off}, so that several workers can share a machine
 * @param dashboardUser     JOBRUNR_DASHBOARD_USER, with JOBRUNR_DASHBOARD_PASSWORD: basic authentication
 * @param publicCaptureOrg  LEADS_PUBLIC_CAPTURE_ORG: the org (id or exact name) public captures go to; empty: capture off
 * @param captureRateLimit  LEADS_CAPTURE_RATE_LIMIT: public captures one client address may send per minute
 * @param corsOrigins       LEADS_CORS_ORIGINS: origins whose pages may call the API from the browser
 * @param trustedProxies    LEADS_TRUSTED_PROXIES: proxies (CIDRs) whose X-Forwarded-For names the client
 * @param managementHost    LEADS_MANAGEMENT_HOST: the interface of the management ports (the JobRunr dashboard, metrics)
 * @param exportConcurrency LEADS_EXPORT_CONCURRENCY: streamed exports at once; default a quarter of the pool, at least 1
 * @param shutdownGrace     LEADS_SHUTDOWN_GRACE: how long SIGTERM waits for requests in flight
 * @param httpIdleTimeout   LEADS_HTTP_IDLE_TIMEOUT: a connection silent this long is closed (a stalled reader or body)
 * @param postmarkWebhook   LEADS_POSTMARK_WEBHOOK_USER and _PASSWORD: the basic auth of Postmark's webhook; empty: off
 * @param unsubscribeSecret LEADS_UNSUBSCRIBE_SECRET: the key of signed unsubscribe links; empty: unsubscribe off
 * @param twilioAuthToken   LEADS_TWILIO_AUTH_TOKEN: verifies Twilio's callbacks; empty: the Twilio webhook is off
 * @param publicBaseUrl     LEADS_PUBLIC_BASE_URL: the URL callers use, when a proxy changes it (Twilio signs it)
 * @param readReplica       DATABASE_READ_URL (with DATABASE_USER and DATABASE_PASSWORD unless it names its own): a
 *                          streaming replica for lists and exports; empty: every read on the primary
 * @param readAfterWrite    LEADS_READ_AFTER_WRITE: a caller who wrote within this reads lists from the primary
 * @param replicaMaxLag     LEADS_REPLICA_MAX_LAG: a replica lagging more is not used
 * @param metricsPort       LEADS_METRICS_PORT: Prometheus metrics at {@code /metrics} on this port of the management
 *                          host; empty ({@code off}, the default): no metrics are kept
 * @param warnings          what an operator should hear about this configuration at start-up
 */
public record LeadsConfig(
        String httpHost,
        int httpPort,
        Optional<String> proxySecret,
        Optional<String> nextAuthSecret,
        Path dataDir,
        int embeddedDbPort,
        Optional<DatabaseSettings> externalDatabase,
        int poolSize,
        boolean demoData,
        String defaultPhoneRegion,
        Duration exportTtl,
        boolean jobsWorker,
        Optional<Integer> dashboardPort,
        Optional<String> dashboardUser,
        Optional<String> dashboardPassword,
        Optional<String> publicCaptureOrg,
        int captureRateLimit,
        Set<String> corsOrigins,
        List<Cidr> trustedProxies,
        String managementHost,
        int exportConcurrency,
        Duration shutdownGrace,
        Duration httpIdleTimeout,
        Optional<HttpSettings.BasicCredentials> postmarkWebhook,
        Optional<String> unsubscribeSecret,
        Optional<String> twilioAuthToken,
        Optional<String> publicBaseUrl,
        Optional<DatabaseSettings> readReplica,
        Duration readAfterWrite,
        Duration replicaMaxLag,
        Optional<Integer> metricsPort,
        List<String> warnings) {

    static final String HTTP_HOST = "LEADS_HTTP_HOST";
    static final String PROXY_SECRET = "LEADS_PROXY_SECRET";
    static final String NEXTAUTH_SECRET = "LEADS_NEXTAUTH_SECRET";
    static final int MIN_PROXY_SECRET_LENGTH = 16;
    static final String HTTP_PORT = "LEADS_HTTP_PORT";
    static final String DATA_DIR = "LEADS_DATA_DIR";
    static final String EMBEDDED_DB_PORT = "LEADS_EMBEDDED_DB_PORT";
    static final String DEMO_DATA = "LEADS_DEMO_DATA";
    static final String DEFAULT_PHONE_REGION = "LEADS_DEFAULT_PHONE_REGION";
    static final String EXPORT_TTL = "LEADS_EXPORT_TTL";
    static final String JOBS_WORKER = "LEADS_JOBS_WORKER";
    static final String DASHBOARD_PORT = "JOBRUNR_DASHBOARD_PORT";
    static final String DASHBOARD_USER = "JOBRUNR_DASHBOARD_USER";
    static final String DASHBOARD_PASSWORD = "JOBRUNR_DASHBOARD_PASSWORD";
    static final String PUBLIC_CAPTURE_ORG = "LEADS_PUBLIC_CAPTURE_ORG";
    static final String CAPTURE_RATE_LIMIT = "LEADS_CAPTURE_RATE_LIMIT";
    static final String CORS_ORIGINS = "LEADS_CORS_ORIGINS";
    static final String TRUSTED_PROXIES = "LEADS_TRUSTED_PROXIES";
    static final String MANAGEMENT_HOST = "LEADS_MANAGEMENT_HOST";
    static final String EXPORT_CONCURRENCY = "LEADS_EXPORT_CONCURRENCY";
    static final String SHUTDOWN_GRACE = "LEADS_SHUTDOWN_GRACE";
    static final String HTTP_IDLE_TIMEOUT = "LEADS_HTTP_IDLE_TIMEOUT";
    static final String POSTMARK_WEBHOOK_USER = "LEADS_POSTMARK_WEBHOOK_USER";
    static final String POSTMARK_WEBHOOK_PASSWORD = "LEADS_POSTMARK_WEBHOOK_PASSWORD";
    static final String UNSUBSCRIBE_SECRET = "LEADS_UNSUBSCRIBE_SECRET";
    static final String TWILIO_AUTH_TOKEN = "LEADS_TWILIO_AUTH_TOKEN";
    static final String PUBLIC_BASE_URL = "LEADS_PUBLIC_BASE_URL";
    static final String LOG_FORMAT = "LEADS_LOG_FORMAT";
    static final String METRICS_PORT = "LEADS_METRICS_PORT";
    static final String ACCESS_LOG_LEVEL = "LEADS_ACCESS_LOG_LEVEL";
    static final String DATABASE_URL = "DATABASE_URL";
    static final String DATABASE_READ_URL = "DATABASE_READ_URL";
    static final String READ_AFTER_WRITE = "LEADS_READ_AFTER_WRITE";
    static final String REPLICA_MAX_LAG = "LEADS_REPLICA_MAX_LAG";
    static final String DATABASE_USER = "DATABASE_USER";
    static final String DATABASE_PASSWORD = "DATABASE_PASSWORD";
    static final String DATABASE_POOL_SIZE = "DATABASE_POOL_SIZE";

    /** Reads the configuration of this process. */
    public static LeadsConfig fromEnvironment() {
        return from(System.getenv(), System.getProperties());
    }

    /** Reads the configuration from the given variables; system properties override them. */
    public static LeadsConfig from(Map<String, String> env, Properties systemProperties) {
        Map<String, String> values = new HashMap<>(env);
        systemProperties.stringPropertyNames().stream()
                .filter(name -> name.startsWith("LEADS_") || name.startsWith("DATABASE_") || name.startsWith("JOBRUNR_"))
                .forEach(name -> values.put(name, systemProperties.getProperty(name)));
        Variables vars = new Variables(values);

        Optional<String> proxySecret = Optional.ofNullable(vars.raw(PROXY_SECRET)).map(secret -> {
            if (secret.length() < MIN_PROXY_SECRET_LENGTH || !secret.strip().equals(secret)) {
                throw new ConfigException(PROXY_SECRET + " must be at least " + MIN_PROXY_SECRET_LENGTH
                        + " characters without surrounding spaces (for example the output of: openssl rand -hex 32)");
            }
            return secret;
        });
        Optional<String> nextAuthSecret = Optional.ofNullable(vars.raw(NEXTAUTH_SECRET)).map(secret -> {
            if (secret.isBlank()) {
                throw new ConfigException(NEXTAUTH_SECRET + " must be CoachIntel's NEXTAUTH_SECRET, exactly as it is set there");
            }
            return secret;
        });
        List<String> warnings = new ArrayList<>();
        Optional<String> explicitHost = vars.host(HTTP_HOST);
        // With either secret, x-user-email is believed only from the proxy, so every interface may be served.
        boolean guarded = proxySecret.isPresent() || nextAuthSecret.isPresent();
        String host = explicitHost.orElse(guarded ? "0.0.0.0" : "127.0.0.1");
        if (!guarded && explicitHost.isEmpty()) {
            warnings.add(PROXY_SECRET + " is not set, so Leads listens on 127.0.0.1 only: x-user-email can be trusted only"
                    + " from the CoachIntel proxy. Set " + PROXY_SECRET + " (the proxy sends it as x-proxy-secret) to listen"
                    + " on every interface, or set " + HTTP_HOST + " to choose the interface yourself.");
        } else if (!guarded && !isLoopback(host)) {
            warnings.add(PROXY_SECRET + " is not set and " + HTTP_HOST + "=" + host + ": anyone who can reach this port can act"
                    + " as any user by sending x-user-email. Set " + PROXY_SECRET + " unless a firewall admits only the proxy.");
        }
        int port = vars.integer(HTTP_PORT, 0, 65_535).orElse(8080);
        Path dataDir = Path.of(vars.text(DATA_DIR).orElse("./data")).toAbsolutePath().normalize();
        int embeddedPort = vars.integer(EMBEDDED_DB_PORT, 0, 65_535).orElse(0);
        int poolSize = vars.integer(DATABASE_POOL_SIZE, 1, 500).orElse(10);
        Optional<DatabaseSettings> external = vars.text(DATABASE_URL).map(url ->
                DatabaseUrl.parse(url, vars.text(DATABASE_USER).orElse(null), vars.raw(DATABASE_PASSWORD), poolSize));
        Optional<DatabaseSettings> readReplica = vars.text(DATABASE_READ_URL).map(url -> DatabaseUrl.parse(
                DATABASE_READ_URL, url, vars.text(DATABASE_USER).orElse(null), vars.raw(DATABASE_PASSWORD), poolSize,
                "preferSecondary"));
        if (readReplica.isPresent() && external.isEmpty()) {
            throw new ConfigException(DATABASE_READ_URL + " names a replica of DATABASE_URL's primary: set DATABASE_URL"
                    + " too (the embedded PostgreSQL has no replicas)");
        }
        Duration readAfterWrite = vars.duration(READ_AFTER_WRITE, Duration.ZERO).orElse(Duration.ofSeconds(5));
        Duration replicaMaxLag = vars.duration(REPLICA_MAX_LAG, Duration.ofSeconds(1)).orElse(Duration.ofSeconds(2));
        boolean demoData = vars.bool(DEMO_DATA).orElse(external.isEmpty());
        String phoneRegion = vars.text(DEFAULT_PHONE_REGION).map(region -> region.toUpperCase(Locale.ROOT)).orElse("US");
        if (!LibphonenumberParser.isSupportedRegion(phoneRegion)) {
            throw new ConfigException(DEFAULT_PHONE_REGION + " must be an ISO 3166-1 alpha-2 region code such as US, GB"
                    + " or DE, got '" + phoneRegion + "'");
        }
        Duration exportTtl = vars.duration(EXPORT_TTL, Duration.ofMinutes(1)).orElse(Duration.ofHours(24));
        boolean jobsWorker = vars.bool(JOBS_WORKER).orElse(true);
        // Read by logback.xml, before this runs: checked here, since logback silences the log on a value it lacks.
        vars.text(LOG_FORMAT).filter(format -> !format.equals("text") && !format.equals("json")).ifPresent(format -> {
            throw new ConfigException(LOG_FORMAT + " must be text or json, got '" + format + "'");
        });
        vars.text(ACCESS_LOG_LEVEL).filter(level -> !level.equals("DEBUG") && !level.equals("INFO")).ifPresent(level -> {
            throw new ConfigException(ACCESS_LOG_LEVEL + " must be DEBUG (one line per request) or INFO (none), got '"
                    + level + "'");
        });
        Optional<Integer> dashboardPort = "off".equalsIgnoreCase(vars.text(DASHBOARD_PORT).orElse(""))
                ? Optional.empty() : Optional.of(vars.integer(DASHBOARD_PORT, 1, 65_535, "or off").orElse(8000));
        Optional<String> dashboardUser = vars.text(DASHBOARD_USER);
        Optional<String> dashboardPassword = Optional.ofNullable(vars.raw(DASHBOARD_PASSWORD));
        if (dashboardUser.isPresent() != dashboardPassword.isPresent()) {
            throw new ConfigException(DASHBOARD_USER + " and " + DASHBOARD_PASSWORD + " go together: set both for basic"
                    + " authentication on the JobRunr dashboard, or neither");
        }
        // The dashboard deletes and requeues jobs and shows their arguments: never open to the network by accident.
        // Its interface is chosen apart from the API's, which a proxy secret opens to every interface.
        String managementHost = vars.host(MANAGEMENT_HOST).orElse("127.0.0.1");
        Optional<Integer> metricsPort = "off".equalsIgnoreCase(vars.text(METRICS_PORT).orElse("off"))
                ? Optional.empty() : vars.integer(METRICS_PORT, 1, 65_535, "or off");
        if (metricsPort.isPresent() && metricsPort.equals(dashboardPort)) {
            throw new ConfigException(METRICS_PORT + " and " + DASHBOARD_PORT + " are both " + metricsPort.get()
                    + ": give the metrics a port of their own");
        }
        // Metrics carry no lead data (route templates and counts): they may be scraped from beyond this machine.
        if (dashboardPort.isPresent() && dashboardUser.isEmpty() && !isLoopback(managementHost)) {
            throw new ConfigException(MANAGEMENT_HOST + "=" + managementHost + " opens the JobRunr dashboard beyond this"
                    + " machine, and it has no password: set " + DASHBOARD_USER + " and " + DASHBOARD_PASSWORD
                    + ", or keep " + MANAGEMENT_HOST + " on 127.0.0.1 (the default)");
        }
        int exportConcurrency = vars.integer(EXPORT_CONCURRENCY, 1, poolSize)
                .orElse(Math.max(1, poolSize / 4));
        Duration shutdownGrace = vars.duration(SHUTDOWN_GRACE, Duration.ZERO).orElse(Duration.ofSeconds(25));
        Duration httpIdleTimeout = vars.duration(HTTP_IDLE_TIMEOUT, Duration.ofSeconds(1)).orElse(Duration.ofSeconds(30));
        Optional<String> postmarkUser = vars.text(POSTMARK_WEBHOOK_USER);
        Optional<String> postmarkPassword = Optional.ofNullable(vars.raw(POSTMARK_WEBHOOK_PASSWORD));
        if (postmarkUser.isPresent() != postmarkPassword.isPresent()) {
            throw new ConfigException(POSTMARK_WEBHOOK_USER + " and " + POSTMARK_WEBHOOK_PASSWORD + " go together: set both"
                    + " to accept Postmark's webhook (they go in its URL), or neither");
        }
        if (postmarkPassword.isPresent() && postmarkPassword.get().length() < MIN_PROXY_SECRET_LENGTH) {
            throw new ConfigException(POSTMARK_WEBHOOK_PASSWORD + " must be at least " + MIN_PROXY_SECRET_LENGTH
                    + " characters (for example the output of: openssl rand -hex 32)");
        }
        Optional<HttpSettings.BasicCredentials> postmarkWebhook = postmarkUser
                .map(user -> new HttpSettings.BasicCredentials(user, postmarkPassword.get()));
        Optional<String> unsubscribeSecret = Optional.ofNullable(vars.raw(UNSUBSCRIBE_SECRET)).map(secret -> {
            if (secret.length() < MIN_PROXY_SECRET_LENGTH) {
                throw new ConfigException(UNSUBSCRIBE_SECRET + " must be at least " + MIN_PROXY_SECRET_LENGTH
                        + " characters: the same secret CoachIntel's mailer signs its unsubscribe links with");
            }
            return secret;
        });
        Optional<String> twilioAuthToken = Optional.ofNullable(vars.raw(TWILIO_AUTH_TOKEN));
        Optional<String> publicBaseUrl = vars.text(PUBLIC_BASE_URL).map(url -> {
            if (!url.matches("https?://[^/?#\\s]+")) {
                throw new ConfigException(PUBLIC_BASE_URL + " must be the scheme and host (and port) callers use, without a"
                        + " path or a trailing slash, such as https://leads.example.com, got '" + url + "'");
            }
            return url;
        });
        Optional<String> captureOrg = vars.text(PUBLIC_CAPTURE_ORG);
        int captureRateLimit = vars.integer(CAPTURE_RATE_LIMIT, 1, 1_000_000).orElse(10);
        Set<String> corsOrigins = new LinkedHashSet<>();
        for (String origin : vars.list(CORS_ORIGINS)) {
            try {
                corsOrigins.add(HttpSettings.origin(origin));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(CORS_ORIGINS + " must be a comma-separated list of origins: " + e.getMessage());
            }
        }
        List<Cidr> trustedProxies = new ArrayList<>();
        for (String block : vars.list(TRUSTED_PROXIES)) {
            try {
                trustedProxies.add(Cidr.parse(block));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(TRUSTED_PROXIES + " must be a comma-separated list of IP addresses or CIDR blocks"
                        + " (such as 10.0.0.0/8, 2001:db8::/32): " + e.getMessage());
            }
        }
        return new LeadsConfig(host, port, proxySecret, nextAuthSecret, dataDir, embeddedPort, external, poolSize, demoData, phoneRegion,
                exportTtl, jobsWorker, dashboardPort, dashboardUser, dashboardPassword, captureOrg, captureRateLimit,
                Set.copyOf(corsOrigins), List.copyOf(trustedProxies), managementHost, exportConcurrency, shutdownGrace,
                httpIdleTimeout, postmarkWebhook, unsubscribeSecret, twilioAuthToken, publicBaseUrl, readReplica, readAfterWrite, replicaMaxLag, metricsPort,
                List.copyOf(warnings));
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "LeadsConfig[httpHost=" + httpHost + ", httpPort=" + httpPort + ", proxySecret="
                + proxySecret.map(secret -> "***").orElse("none") + ", nextAuthSecret="
                + nextAuthSecret.map(secret -> "***").orElse("none") + ", dataDir=" + dataDir + ", embeddedDbPort="
                + embeddedDbPort + ", externalDatabase=" + externalDatabase + ", poolSize=" + poolSize + ", demoData="
                + demoData + ", defaultPhoneRegion=" + defaultPhoneRegion + ", exportTtl=" + exportTtl + ", jobsWorker="
                + jobsWorker + ", dashboardPort=" + dashboardPort.map(String::valueOf).orElse("off") + ", dashboardUser=" + dashboardUser.orElse("none")
                + ", dashboardPassword=" + dashboardPassword.map(p -> "***").orElse("none") + ", publicCaptureOrg="
                + publicCaptureOrg.orElse("none") + ", captureRateLimit=" + captureRateLimit + ", corsOrigins=" + corsOrigins
                + ", trustedProxies=" + trustedProxies + ", managementHost=" + managementHost + ", exportConcurrency="
                + exportConcurrency + ", shutdownGrace=" + shutdownGrace + ", httpIdleTimeout=" + httpIdleTimeout + ", postmarkWebhook=" + postmarkWebhook.map(c -> c.user() + ":***")
                .orElse("none") + ", unsubscribeSecret=" + unsubscribeSecret.map(secret -> "***").orElse("none")
                + ", twilioAuthToken=" + twilioAuthToken.map(token -> "***").orElse("none") + ", publicBaseUrl="
                + publicBaseUrl.orElse("none") + ", readReplica=" + readReplica + ", readAfterWrite=" + readAfterWrite
                + ", replicaMaxLag=" + replicaMaxLag + ", metricsPort=" + metricsPort.map(String::valueOf).orElse("off") + "]";
    }

    /** Whether the process runs its own PostgreSQL. */
    public boolean embeddedDatabase() {
        return externalDatabase.isEmpty();
    }

    /** Typed access to the variables, each parse naming its variable when it fails. */
    private record Variables(Map<String, String> values) {

        /** The trimmed value; empty when unset or blank. */
        Optional<String> text(String name) {
            return Optional.ofNullable(values.get(name)).map(String::trim).filter(v -> !v.isEmpty());
        }

        /** The value exactly as given (passwords may start or end with spaces); null when unset or empty. */
        String raw(String name) {
            String value = values.get(name);
            return value == null || value.isEmpty() ? null : value;
        }

        Optional<String> host(String name) {
            return text(name).map(value -> {
                try {
                    InetAddress.getByName(value);
                    return value;
                } catch (UnknownHostException e) {
                    throw new ConfigException(name + " must be an IP address (such as 127.0.0.1 or 0.0.0.0) or a host name"
                            + " this machine resolves, got '" + value + "'");
                }
            });
        }

        Optional<Integer> integer(String name, int min, int max) {
            return integer(name, min, max, null);
        }

        /** The same, naming another accepted value ({@code "or off"}) in the error. */
        Optional<Integer> integer(String name, int min, int max, String alternative) {
            return text(name).map(value -> {
                try {
                    int parsed = Integer.parseInt(value);
                    if (parsed >= min && parsed <= max) {
                        return parsed;
                    }
                } catch (NumberFormatException ignored) {
                    // reported below
                }
                throw new ConfigException(name + " must be a whole number from " + min + " to " + max
                        + (alternative == null ? "" : " " + alternative) + ", got '" + value + "'");
            });
        }

        /** {@code 90s}, {@code 30m}, {@code 24h}, {@code 7d}, or ISO-8601 such as {@code PT24H}; at least {@code min}. */
        Optional<Duration> duration(String name, Duration min) {
            return text(name).map(value -> {
                Duration parsed = null;
                try {
                    var matcher = java.util.regex.Pattern.compile("([0-9]{1,9})([smhd])").matcher(value.toLowerCase(Locale.ROOT));
                    if (matcher.matches()) {
                        long amount = Long.parseLong(matcher.group(1));
                        parsed = switch (matcher.group(2)) {
                            case "s" -> Duration.ofSeconds(amount);
                            case "m" -> Duration.ofMinutes(amount);
                            case "h" -> Duration.ofHours(amount);
                            default -> Duration.ofDays(amount);
                        };
                    } else {
                        parsed = Duration.parse(value.toUpperCase(Locale.ROOT));
                    }
                } catch (java.time.format.DateTimeParseException ignored) {
                    // reported below
                }
                if (parsed == null || parsed.compareTo(min) < 0) {
                    String least = min.isZero() ? "" : " of at least " + (min.equals(Duration.ofMinutes(1)) ? "a minute"
                            : min.toSeconds() + "s");
                    throw new ConfigException(name + " must be a duration" + least + ", such as 25s, 30m, 24h, 7d or"
                            + " PT24H, got '" + value + "'");
                }
                return parsed;
            });
        }

        /** A comma-separated list, each item trimmed, empty items dropped; empty when unset. */
        List<String> list(String name) {
            return text(name).map(value -> java.util.Arrays.stream(value.split(",")).map(String::strip)
                    .filter(item -> !item.isEmpty()).toList()).orElse(List.of());
        }

        Optional<Boolean> bool(String name) {
            return text(name).map(value -> switch (value.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "1", "on" -> true;
                case "false", "no", "0", "off" -> false;
                default -> throw new ConfigException(name + " must be true or false, got '" + value + "'");
            });
        }
    }
}
