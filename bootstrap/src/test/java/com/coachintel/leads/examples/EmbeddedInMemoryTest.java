package com.coachintel.leads.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachintel.leads.domain.DuplicateLeadException;
import com.coachintel.leads.domain.LeadDetails;
import com.coachintel.leads.domain.LeadStatus;
import com.coachintel.leads.domain.ValidationException;
import com.coachintel.leads.domain.user.Caller;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The in-memory embedding example runs as docs/embedding.md says, with no database at all. */
class EmbeddedInMemoryTest {

    @Test
    void a_service_runs_the_use_cases_on_the_in_memory_ports() throws IOException {
        EmbeddedInMemory service = new EmbeddedInMemory(Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC));
        Caller coach = new Caller(service.addOrg("Embedded Coaching"), "coach@embedded.example");
        Caller stranger = new Caller(service.addOrg("Elsewhere"), "coach@elsewhere.example");

        LeadDetails invited = service.signUpAndInvite(coach, "ada@embedded.example", "(415) 555-0123");

        assertThat(invited.lead().status()).isEqualTo(LeadStatus.INVITED);
        assertThat(invited.lead().phone()).isEqualTo("+14155550123");
        assertThat(invited.lead().version()).isEqualTo(2);
        assertThat(service.invited(coach).total()).isEqualTo(1);
        assertThat(service.invited(stranger).total()).isZero();
        assertThatThrownBy(() -> service.signUpAndInvite(coach, "ADA@embedded.example", null))
                .isInstanceOf(DuplicateLeadException.class);
        assertThatThrownBy(() -> service.signUpAndInvite(coach, "bob@embedded.example", "ext. 99"))
                .isInstanceOf(ValidationException.class);
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        assertThat(service.exportCsv(coach, csv)).isEqualTo(1);
        assertThat(csv.toString(StandardCharsets.UTF_8)).contains("ada@embedded.example", "invited", "vip");

        var export = service.requestExport(coach);
        assertThat(service.runBackgroundJobs()).isEqualTo(1);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        service.download(coach, export, file);
        assertThat(file.toString(StandardCharsets.UTF_8)).isEqualTo(csv.toString(StandardCharsets.UTF_8));
    }
}
