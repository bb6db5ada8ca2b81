package com.coachintel.leads.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void redacts_credentials_and_parameters_for_logs() {
        assertThat(DatabaseUrl.redacted("jdbc:postgresql://db.example.com:5433/leads?password=hunter2&user=u"))
                .isEqualTo("postgresql://db.example.com:5433/leads");
        assertThat(DatabaseUrl.redacted("jdbc:postgresql://db/leads")).isEqualTo("postgresql://db/leads");
    }
}
