package com.coachintel.leads.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachintel.leads.adapter.persistence.DatabaseSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeadsConfigTest {

    static LeadsConfig config(Map<String, String> env) {
        return LeadsConfig.from(env, new Properties());
    }

    @Test
    void defaults_to_the_embedded_database_with_demo_data_on_loopback_port_8080() {
        LeadsConfig config = config(Map.of());

        assertThat(config.httpHost()).isEqualTo("127.0.0.1");
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.dataDir()).isEqualTo(Path.of("./data").toAbsolutePath().normalize());
        assertThat(config.embeddedDatabase()).isTrue();
        assertThat(config.demoData()).isTrue();
        assertThat(config.poolSize()).isEqualTo(10);
        assertThat(config.defaultPhoneRegion()).isEqualTo("US");
        assertThat(config(Map.of("LEADS_DEFAULT_PHONE_REGION", "gb")).defaultPhoneRegion()).isEqualTo("GB");
    }

    @Test
    void an_external_database_has_no_demo_data_unless_asked() {
        assertThat(config(Map.of("DATABASE_URL", "jdbc:postgresql://db:5432/leads")).demoData()).isFalse();
        assertThat(config(Map.of("DATABASE_URL", "jdbc:postgresql://db:5432/leads", "LEADS_DEMO_DATA", "true")).demoData())
                .isTrue();
        assertThat(config(Map.of("LEADS_DEMO_DATA", "false")).demoData()).isFalse();
    }

    @Test
    void reads_jdbc_urls_as_they_are_with_separate_credentials() {
        LeadsConfig config = config(Map.of("DATABASE_URL", "jdbc:postgresql://db.internal:6543/crm?sslmode=require",
                "DATABASE_USER", "leads", "DATABASE_PASSWORD", " s3cret ", "DATABASE_POOL_SIZE", "25"));

        assertThat(config.externalDatabase()).contains(
                new DatabaseSettings("jdbc:postgresql://db.internal:6543/crm?sslmode=require", "leads", " s3cret ", 25));
    }

    @Test
    void reads_postgres_urls_with_encoded_credentials() {
        DatabaseSettings settings = config(Map.of("DATABASE_URL", "postgres://app%40crm:p%3Ass%2Fw@db.example.com:5433/leads?sslmode=require"))
                .externalDatabase().orElseThrow();

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:5433/leads?sslmode=require");
        assertThat(settings.user()).isEqualTo("app@crm");
        assertThat(settings.password()).isEqualTo("p:ss/w");
        assertThat(settings.toString()).doesNotContain("p:ss/w");
    }

    @Test
    void separate_credentials_win_over_those_in_the_url() {
        DatabaseSettings settings = config(Map.of("DATABASE_URL", "postgresql://url-user:url-pass@db/leads",
                "DATABASE_USER", "env-user", "DATABASE_PASSWORD", "env-pass")).externalDatabase().orElseThrow();

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db/leads");
        assertThat(settings.user()).isEqualTo("env-user");
        assertThat(settings.password()).isEqualTo("env-pass");
    }

    @Test
    void without_a_proxy_secret_it_listens_on_loopback_and_says_why() {
        LeadsConfig config = config(Map.of());

        assertThat(config.httpHost()).isEqualTo("127.0.0.1");
        assertThat(config.proxySecret()).isEmpty();
        assertThat(config.warnings()).anySatisfy(warning -> assertThat(warning)
                .contains("LEADS_PROXY_SECRET is not set, so Leads listens on 127.0.0.1 only"));
    }

    @Test
    void with_a_proxy_secret_it_listens_on_every_interface() {
        LeadsConfig config = config(Map.of("LEADS_PROXY_SECRET", "0123456789abcdef0123"));

        assertThat(config.httpHost()).isEqualTo("0.0.0.0");
        assertThat(config.proxySecret()).contains("0123456789abcdef0123");
        assertThat(config.warnings()).noneSatisfy(warning -> assertThat(warning).contains("LEADS_PROXY_SECRET"));
        assertThat(config.toString()).doesNotContain("0123456789abcdef0123");
    }

    @Test
    void an_explicit_host_wins_and_an_open_one_without_a_secret_is_warned_about() {
        assertThat(config(Map.of("LEADS_HTTP_HOST", "0.0.0.0")).httpHost()).isEqualTo("0.0.0.0");
        assertThat(config(Map.of("LEADS_HTTP_HOST", "0.0.0.0")).warnings())
                .anySatisfy(warning -> assertThat(warning).contains("anyone who can reach this port can act as any user"));
        assertThat(config(Map.of("LEADS_HTTP_HOST", "127.0.0.1")).warnings())
                .noneSatisfy(warning -> assertThat(warning).contains("LEADS_PROXY_SECRET"));
        assertThat(config(Map.of("LEADS_HTTP_HOST", "127.0.0.1", "LEADS_PROXY_SECRET", "0123456789abcdef")).httpHost())
                .isEqualTo("127.0.0.1");
    }

    @Test
    void jobs_run_in_serve_by_default_and_exports_live_a_day() {
        LeadsConfig config = config(Map.of());

        assertThat(config.jobsWorker()).isTrue();
        assertThat(config.exportTtl()).isEqualTo(java.time.Duration.ofHours(24));
        assertThat(config.dashboardPort()).contains(8000);
        assertThat(config(Map.of("JOBRUNR_DASHBOARD_PORT", "off")).dashboardPort()).as("several workers on one machine")
                .isEmpty();
        assertThat(config.managementHost()).isEqualTo("127.0.0.1");
        assertThat(config.exportConcurrency()).as("a quarter of the default pool of 10").isEqualTo(2);
        assertThat(config.shutdownGrace()).isEqualTo(java.time.Duration.ofSeconds(25));
        assertThat(config.httpIdleTimeout()).isEqualTo(java.time.Duration.ofSeconds(30));
        assertThat(config(Map.of("LEADS_HTTP_IDLE_TIMEOUT", "5s")).httpIdleTimeout()).isEqualTo(java.time.Duration.ofSeconds(5));
        assertThat(config(Map.of("DATABASE_POOL_SIZE", "3")).exportConcurrency()).isEqualTo(1);
        assertThat(config(Map.of("DATABASE_POOL_SIZE", "40")).exportConcurrency()).isEqualTo(10);
        assertThat(config(Map.of("LEADS_EXPORT_CONCURRENCY", "5")).exportConcurrency()).isEqualTo(5);
        assertThat(config(Map.of("LEADS_SHUTDOWN_GRACE", "0s")).shutdownGrace()).isZero();
        assertThat(config(Map.of("LEADS_PROXY_SECRET", "0123456789abcdef0123")).managementHost())
                .as("a proxy secret opens the API, never the management port").isEqualTo("127.0.0.1");
        assertThat(config(Map.of("LEADS_EXPORT_TTL", "30m")).exportTtl()).isEqualTo(java.time.Duration.ofMinutes(30));
        assertThat(config(Map.of("LEADS_EXPORT_TTL", "P7D")).exportTtl()).isEqualTo(java.time.Duration.ofDays(7));
        assertThat(config(Map.of("LEADS_JOBS_WORKER", "false")).jobsWorker()).isFalse();
        LeadsConfig guarded = config(Map.of("JOBRUNR_DASHBOARD_USER", "ops", "JOBRUNR_DASHBOARD_PASSWORD", "pw"));
        assertThat(guarded.dashboardUser()).contains("ops");
        assertThat(config(Map.of("JOBRUNR_DASHBOARD_USER", "ops", "JOBRUNR_DASHBOARD_PASSWORD", "pw",
                "LEADS_MANAGEMENT_HOST", "0.0.0.0")).managementHost()).isEqualTo("0.0.0.0");
        assertThat(guarded.toString()).doesNotContain("=pw");
    }

    @Test
    void public_capture_is_off_by_default_and_its_settings_are_read_as_lists() {
        LeadsConfig defaults = config(Map.of());
        assertThat(defaults.publicCaptureOrg()).isEmpty();
        assertThat(defaults.captureRateLimit()).isEqualTo(10);
        assertThat(defaults.corsOrigins()).isEmpty();
        assertThat(defaults.trustedProxies()).isEmpty();

        LeadsConfig set = config(Map.of("LEADS_PUBLIC_CAPTURE_ORG", " Demo Coaching ", "LEADS_CAPTURE_RATE_LIMIT", "600",
                "LEADS_CORS_ORIGINS", "https://App.CoachIntel.com, http://localhost:3000,",
                "LEADS_TRUSTED_PROXIES", "10.0.0.0/8, 192.168.1.7, fd00::/8"));
        assertThat(set.publicCaptureOrg()).contains("Demo Coaching");
        assertThat(set.captureRateLimit()).isEqualTo(600);
        assertThat(set.corsOrigins()).containsExactlyInAnyOrder("https://app.coachintel.com", "http://localhost:3000");
        assertThat(set.trustedProxies()).extracting(Object::toString)
                .containsExactly("10.0.0.0/8", "192.168.1.7/32", "fd00:0:0:0:0:0:0:0/8");
    }

    @Test
    void dashboard_credentials_come_in_pairs() {
        assertThatThrownBy(() -> config(Map.of("LEADS_MANAGEMENT_HOST", "0.0.0.0")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("LEADS_MANAGEMENT_HOST=0.0.0.0 opens the JobRunr dashboard beyond this machine,"
                        + " and it has no password");
        assertThatThrownBy(() -> config(Map.of("JOBRUNR_DASHBOARD_USER", "ops")))
                .hasMessageContaining("JOBRUNR_DASHBOARD_USER and JOBRUNR_DASHBOARD_PASSWORD go together");
    }

    @Test
    void a_short_proxy_secret_is_refused() {
        assertThatThrownBy(() -> config(Map.of("LEADS_PROXY_SECRET", "short")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("LEADS_PROXY_SECRET must be at least 16 characters");
    }

    @Test
    void system_properties_override_the_environment() {
        Properties properties = new Properties();
        properties.setProperty("LEADS_HTTP_PORT", "9090");

        assertThat(LeadsConfig.from(Map.of("LEADS_HTTP_PORT", "8081"), properties).httpPort()).isEqualTo(9090);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "LEADS_HTTP_PORT|eighty|LEADS_HTTP_PORT must be a whole number from 0 to 65535, got 'eighty'",
        "LEADS_HTTP_PORT|70000|LEADS_HTTP_PORT must be a whole number from 0 to 65535, got '70000'",
        "LEADS_EMBEDDED_DB_PORT|-1|LEADS_EMBEDDED_DB_PORT must be a whole number from 0 to 65535",
        "DATABASE_POOL_SIZE|0|DATABASE_POOL_SIZE must be a whole number from 1 to 500, got '0'",
        "LEADS_DEMO_DATA|maybe|LEADS_DEMO_DATA must be true or false, got 'maybe'",
        "LEADS_DEFAULT_PHONE_REGION|USA|LEADS_DEFAULT_PHONE_REGION must be an ISO 3166-1 alpha-2 region code",
        "LEADS_EXPORT_TTL|tomorrow|LEADS_EXPORT_TTL must be a duration of at least a minute, such as 25s, 30m, 24h, 7d or PT24H",
        "LEADS_SHUTDOWN_GRACE|soon|LEADS_SHUTDOWN_GRACE must be a duration, such as 25s",
        "LEADS_HTTP_IDLE_TIMEOUT|0s|LEADS_HTTP_IDLE_TIMEOUT must be a duration of at least 1s",
        "LEADS_EXPORT_CONCURRENCY|11|LEADS_EXPORT_CONCURRENCY must be a whole number from 1 to 10",
        "LEADS_EXPORT_TTL|10s|LEADS_EXPORT_TTL must be a duration of at least a minute",
        "LEADS_JOBS_WORKER|sometimes|LEADS_JOBS_WORKER must be true or false",
        "JOBRUNR_DASHBOARD_PORT|0|JOBRUNR_DASHBOARD_PORT must be a whole number from 1 to 65535 or off",
        "LEADS_LOG_FORMAT|JSON|LEADS_LOG_FORMAT must be text or json, got 'JSON'",
        "LEADS_ACCESS_LOG_LEVEL|TRACE|LEADS_ACCESS_LOG_LEVEL must be DEBUG (one line per request) or INFO (none), got 'TRACE'",
        "LEADS_HTTP_HOST|no such host.invalid|LEADS_HTTP_HOST must be an IP address",
        "DATABASE_URL|mysql://db/leads|DATABASE_URL is not a PostgreSQL URL: unknown scheme. Accepted: jdbc:postgresql://",
        "DATABASE_URL|postgres:///leads|DATABASE_URL is not a PostgreSQL URL: no host",
        "DATABASE_URL|jdbc:postgresql://db:5432/|DATABASE_URL is not a PostgreSQL URL: no database name",
        "LEADS_CAPTURE_RATE_LIMIT|0|LEADS_CAPTURE_RATE_LIMIT must be a whole number from 1 to 1000000, got '0'",
        "LEADS_CORS_ORIGINS|*|LEADS_CORS_ORIGINS must be a comma-separated list of origins: '*' is not allowed",
        "LEADS_CORS_ORIGINS|https://app.example.com/waitlist|LEADS_CORS_ORIGINS must be a comma-separated list of origins: 'https://app.example.com/waitlist' is not an origin",
        "LEADS_CORS_ORIGINS|app.example.com|LEADS_CORS_ORIGINS must be a comma-separated list of origins",
        "LEADS_TRUSTED_PROXIES|10.0.0.0/33|LEADS_TRUSTED_PROXIES must be a comma-separated list of IP addresses or CIDR blocks",
        "LEADS_TRUSTED_PROXIES|proxy.internal|LEADS_TRUSTED_PROXIES must be a comma-separated list of IP addresses or CIDR blocks",
    })
    void a_bad_value_names_the_variable_and_the_accepted_form(String variable, String value, String message) {
        assertThatThrownBy(() -> config(Map.of(variable, value)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void a_bad_database_url_never_echoes_its_password() {
        assertThatThrownBy(() -> config(Map.of("DATABASE_URL", "mysql://user:hunter2@db/leads")))
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void a_read_replica_is_read_with_the_primarys_credentials_and_its_limits() {
        LeadsConfig config = config(Map.of("DATABASE_URL", "postgres://app:secret@db1/leads",
                "DATABASE_READ_URL", "postgres://replica1,replica2/leads", "DATABASE_USER", "app", "DATABASE_PASSWORD", "secret",
                "LEADS_REPLICA_MAX_LAG", "5s", "LEADS_READ_AFTER_WRITE", "10s"));
        assertThat(config.readReplica()).hasValueSatisfying(replica -> {
            assertThat(replica.jdbcUrl()).isEqualTo("jdbc:postgresql://replica1,replica2/leads?targetServerType=preferSecondary");
            assertThat(replica.user()).isEqualTo("app");
            assertThat(replica.password()).isEqualTo("secret");
        });
        assertThat(config.replicaMaxLag()).isEqualTo(java.time.Duration.ofSeconds(5));
        assertThat(config.readAfterWrite()).isEqualTo(java.time.Duration.ofSeconds(10));
        LeadsConfig defaults = config(Map.of("DATABASE_URL", "postgres://db1/leads"));
        assertThat(defaults.readReplica()).isEmpty();
        assertThat(defaults.replicaMaxLag()).isEqualTo(java.time.Duration.ofSeconds(2));
        assertThat(defaults.readAfterWrite()).isEqualTo(java.time.Duration.ofSeconds(5));
    }

    @Test
    void a_read_replica_needs_a_primary_and_a_valid_url() {
        assertThatThrownBy(() -> config(Map.of("DATABASE_READ_URL", "postgres://replica/leads")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("DATABASE_READ_URL names a replica");
        assertThatThrownBy(() -> config(Map.of("DATABASE_URL", "postgres://db/leads", "DATABASE_READ_URL",
                "postgres://u:hunter2@replica:0/leads"))).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("DATABASE_READ_URL is not a PostgreSQL URL: a port outside 1-65535")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> config(Map.of("DATABASE_URL", "postgres://db/leads", "LEADS_REPLICA_MAX_LAG", "0s")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("LEADS_REPLICA_MAX_LAG");
    }
}
