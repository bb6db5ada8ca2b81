package com.coachintel.leads.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachintel.leads.adapter.persistence.LeadRows;
import com.coachintel.leads.adapter.persistence.TestDatabase;
import com.coachintel.leads.adapter.persistence.TestPostgres;
import com.coachintel.leads.domain.LeadDetails;
import com.coachintel.leads.domain.LeadStatus;
import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.ValidationException;
import com.coachintel.leads.domain.user.Caller;
import org.junit.jupiter.api.Test;

/** The embedding example runs as docs/embedding.md says, on a database with no schema yet. */
class EmbeddedOnPostgresTest {

    @Test
    void a_service_migrates_then_runs_the_use_cases_on_its_own_data_source() {
        try (TestDatabase db = TestPostgres.emptyDatabase()) {
            EmbeddedOnPostgres service = new EmbeddedOnPostgres(db.dataSource());
            Caller coach = new Caller(new OrgId(LeadRows.insertOrg(db, "Embedded Coaching")), "coach@embedded.example");

            LeadDetails invited = service.signUpAndInvite(coach, "ada@embedded.example", "(415) 555-0123");

            assertThat(invited.lead().status()).isEqualTo(LeadStatus.INVITED);
            assertThat(invited.lead().phone()).isEqualTo("+14155550123");
            assertThat(service.leads(coach).total()).isEqualTo(1);
            assertThatThrownBy(() -> service.signUpAndInvite(coach, "bob@embedded.example", "ext. 99"))
                    .isInstanceOf(ValidationException.class);
        }
    }
}
