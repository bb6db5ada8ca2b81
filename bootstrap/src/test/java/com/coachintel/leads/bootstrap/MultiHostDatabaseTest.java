package com.coachintel.leads.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachintel.leads.adapter.persistence.TestDatabase;
import com.coachintel.leads.adapter.persistence.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** A DATABASE_URL with several hosts on a real server: a host that does not answer is passed over for the next. */
class MultiHostDatabaseTest {

    @Test
    void the_pool_reaches_the_primary_past_a_host_that_is_down() throws Exception {
        int down = LeadsApplicationTest.freePort(); // nothing listens there
        try (TestDatabase db = TestPostgres.freshDatabase()) {
            String url = "postgres://postgres@127.0.0.1:" + down + ",localhost:" + db.port() + "/" + db.name()
                    + "?target_session_attrs=read-write";
            try (LeadsApplication app = LeadsApplication.start(LeadsConfig.from(Map.of("DATABASE_URL", url,
                    "LEADS_HTTP_PORT", "0", "LEADS_DEMO_DATA", "false", "LEADS_JOBS_WORKER", "false"), new Properties()))) {
                HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(app.baseUrl() + "/ready")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(ready.statusCode()).isEqualTo(200);
                assertThat(app.startupSummary()).anyMatch(line -> line.contains("external postgresql://127.0.0.1:" + down
                        + ",localhost:" + db.port() + "/" + db.name()));
            }
        }
    }
}
