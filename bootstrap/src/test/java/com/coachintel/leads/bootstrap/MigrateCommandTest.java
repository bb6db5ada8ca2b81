package com.coachintel.leads.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachintel.leads.adapter.persistence.SchemaExpectations;
import com.coachintel.leads.adapter.persistence.TestDatabase;
import com.coachintel.leads.adapter.persistence.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code java -jar leads.jar migrate} against an external PostgreSQL given as a postgres:// URL. */
class MigrateCommandTest {

    @AfterEach
    void clearOverrides() {
        System.clearProperty("DATABASE_URL");
        System.clearProperty("LEADS_DEMO_DATA");
    }

    @Test
    void migrate_creates_every_table_and_index_on_an_external_database() {
        try (TestDatabase external = TestPostgres.emptyDatabase()) {
            System.setProperty("DATABASE_URL", "postgres://postgres@localhost:" + external.port() + "/" + external.name());

            int exitCode = LeadsMain.run(new String[] {"migrate"}, System.err);

            assertThat(exitCode).isEqualTo(LeadsMain.OK);
            List<String> tables = external.jdbi().withHandle(h -> h.select(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'").mapTo(String.class).list());
            assertThat(tables).containsAll(SchemaExpectations.TABLES);
            for (List<String> index : SchemaExpectations.INDEXES) {
                assertThat(external.scalar(String.class, "SELECT indexdef FROM pg_indexes WHERE indexname = ?", index.get(0)))
                        .as(index.get(0)).contains(index.get(1));
            }
            assertThat(external.scalar(Integer.class, "SELECT count(*) FROM leads")).as("no demo data on migrate").isZero();
        }
    }

    @Test
    void a_bad_variable_exits_with_2_and_names_it() {
        System.setProperty("DATABASE_URL", "mysql://db/leads");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exitCode = LeadsMain.run(new String[] {"migrate"}, new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exitCode).isEqualTo(LeadsMain.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Configuration error: DATABASE_URL is not a PostgreSQL URL");
    }

    @Test
    void an_unknown_command_exits_with_2_and_shows_the_usage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exitCode = LeadsMain.run(new String[] {"serv"}, new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exitCode).isEqualTo(LeadsMain.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown command 'serv'", "serve", "migrate");
    }
}
