package com.coachintel.leads.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachintel.leads.adapter.persistence.DatabaseSettings;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void redacts_credentials_and_parameters_for_logs() {
        assertThat(DatabaseUrl.redacted("jdbc:postgresql://db.example.com:5433/leads?password=hunter2&user=u"))
                .isEqualTo("postgresql://db.example.com:5433/leads");
        assertThat(DatabaseUrl.redacted("jdbc:postgresql://db/leads")).isEqualTo("postgresql://db/leads");
        assertThat(DatabaseUrl.redacted("jdbc:postgresql://db1:5432,db2:5433/leads?targetServerType=primary"))
                .isEqualTo("postgresql://db1:5432,db2:5433/leads");
    }

    @Test
    void a_jdbc_url_with_several_hosts_passes_as_it_is_and_asks_for_the_primary() {
        assertThat(parse("jdbc:postgresql://db1:5432,db2:5432/leads?targetServerType=primary").jdbcUrl())
                .isEqualTo("jdbc:postgresql://db1:5432,db2:5432/leads?targetServerType=primary");
        // The pool writes: without a target, pgjdbc would keep whichever host answers first, a standby too.
        assertThat(parse("jdbc:postgresql://db1,db2:5433/leads?sslmode=require").jdbcUrl())
                .isEqualTo("jdbc:postgresql://db1,db2:5433/leads?sslmode=require&targetServerType=primary");
        assertThat(parse("jdbc:postgresql://db1:5432/leads").jdbcUrl()).isEqualTo("jdbc:postgresql://db1:5432/leads");
        assertThat(parse("jdbc:postgresql://[2001:db8::1]:5432,[2001:db8::2]/leads").jdbcUrl())
                .isEqualTo("jdbc:postgresql://[2001:db8::1]:5432,[2001:db8::2]/leads?targetServerType=primary");
    }

    @Test
    void a_libpq_url_with_several_hosts_and_target_session_attrs_becomes_pgjdbcs_form() {
        DatabaseSettings settings = parse("postgres://app:s%40cret@db1:5432,db2:5432/leads?target_session_attrs=read-write&sslmode=require");
        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db1:5432,db2:5432/leads?sslmode=require&targetServerType=primary");
        assertThat(settings.user()).isEqualTo("app");
        assertThat(settings.password()).isEqualTo("s@cret");
        assertThat(parse("postgresql://db1,db2/leads?target_session_attrs=prefer-standby").jdbcUrl())
                .isEqualTo("jdbc:postgresql://db1,db2/leads?targetServerType=preferSecondary");
        assertThat(parse("postgres://db1/leads?target_session_attrs=any").jdbcUrl())
                .isEqualTo("jdbc:postgresql://db1/leads?targetServerType=any");
    }

    @Test
    void a_malformed_host_list_is_refused_without_echoing_the_url() {
        assertThatThrownBy(() -> parse("postgres://u:hunter2@db1,,db2/leads"))
                .hasMessageContaining("an empty host in the host list").hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> parse("postgres://u:hunter2@db1:99999/leads"))
                .hasMessageContaining("a port outside 1-65535").hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> parse("postgres://db1:5432,db2:x/leads")).hasMessageContaining("not host[:port]");
        assertThatThrownBy(() -> parse("postgres://db1,db2/leads?target_session_attrs=writable"))
                .hasMessageContaining("target_session_attrs must be one of any, prefer-standby, primary, read-only,"
                        + " read-write, standby");
        assertThatThrownBy(() -> parse("postgres://db1,db2")).hasMessageContaining("no database name");
        assertThatThrownBy(() -> parse("jdbc:postgresql://u:hunter2@db1/leads"))
                .hasMessageContaining("DATABASE_USER and DATABASE_PASSWORD").hasMessageNotContaining("hunter2");
    }

    private static DatabaseSettings parse(String url) {
        return DatabaseUrl.parse(url, null, null, 4);
    }
}
