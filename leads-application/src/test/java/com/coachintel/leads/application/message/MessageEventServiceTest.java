package com.coachintel.leads.application.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachintel.leads.domain.ConsentStatus;
import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.MessageChannel;
import com.coachintel.leads.domain.MessageEventType;
import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.message.Addressee;
import com.coachintel.leads.domain.message.ProviderReport;
import com.coachintel.leads.domain.port.MessageEventLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MessageEventServiceTest {

    static final Addressee ADA_AT_ACME = lead("ada@example.com");
    static final Addressee ADA_AT_OTHER = lead("ADA@example.com");
    static final Addressee BOB = lead("bob@example.com");

    final List<Addressee> leads = new ArrayList<>(List.of(ADA_AT_ACME, ADA_AT_OTHER, BOB));
    final List<Addressee> recordedOn = new ArrayList<>();
    final MessageEventLog log = new MessageEventLog() {
        @Override
        public List<Addressee> byEmail(String email) {
            return leads.stream().filter(l -> l.email().equalsIgnoreCase(email)).toList();
        }

        @Override
        public List<Addressee> byPhone(String e164) {
            return leads.stream().filter(l -> e164.equals(l.phone())).toList();
        }

        @Override
        public Optional<Addressee> byId(LeadId lead) {
            return leads.stream().filter(l -> l.lead().equals(lead)).findFirst();
        }

        @Override
        public boolean record(Addressee lead, ProviderReport report) {
            boolean fresh = !recordedOn.contains(lead);
            recordedOn.add(lead);
            return fresh;
        }
    };
    final MessageEventService service = new MessageEventService(log);

    static Addressee lead(String email) {
        return new Addressee(new OrgId(UUID.randomUUID()), new LeadId(UUID.randomUUID()), email, null);
    }

    static ProviderReport report(String address, Optional<LeadId> hint, ProviderReport.Scope scope) {
        return new ProviderReport("postmark", "key", MessageChannel.EMAIL, MessageEventType.OPENED, Instant.EPOCH, address,
                hint, "m", "{}", scope, scope == ProviderReport.Scope.ADDRESS
                        ? Optional.of(new ProviderReport.ConsentChange(ConsentStatus.REVOKED, "HardBounce")) : Optional.empty(),
                false);
    }

    @Test
    void one_lead_with_the_address_gets_the_event() {
        assertThat(service.record(report("bob@example.com", Optional.empty(), ProviderReport.Scope.MESSAGE)).recorded()).isEqualTo(1);
        assertThat(recordedOn).containsExactly(BOB);
    }

    @Test
    void an_address_fact_applies_to_every_org_an_engagement_event_to_none() {
        var open = service.record(report("ada@example.com", Optional.empty(), ProviderReport.Scope.MESSAGE));
        assertThat(open.recorded()).isZero();
        assertThat(open.dropped()).hasValueSatisfying(why -> assertThat(why).doesNotContain("ada"));
        assertThat(recordedOn).isEmpty();

        var bounce = service.record(report("ada@example.com", Optional.empty(), ProviderReport.Scope.ADDRESS));
        assertThat(bounce.recorded()).isEqualTo(2);
        assertThat(recordedOn).containsExactlyInAnyOrder(ADA_AT_ACME, ADA_AT_OTHER);
    }

    @Test
    void a_lead_hint_decides_only_when_that_lead_has_the_address() {
        var hinted = service.record(report("ada@example.com", Optional.of(ADA_AT_OTHER.lead()), ProviderReport.Scope.MESSAGE));
        assertThat(hinted.recorded()).isEqualTo(1);
        assertThat(recordedOn).containsExactly(ADA_AT_OTHER);

        recordedOn.clear();
        var wrongHint = service.record(report("bob@example.com", Optional.of(ADA_AT_ACME.lead()), ProviderReport.Scope.MESSAGE));
        assertThat(recordedOn).as("a hint that names another address is not believed").containsExactly(BOB);
        assertThat(wrongHint.recorded()).isEqualTo(1);
    }

    @Test
    void unknown_addresses_are_dropped_and_redeliveries_counted() {
        assertThat(service.record(report("eve@example.com", Optional.empty(), ProviderReport.Scope.ADDRESS)).dropped()).isPresent();
        service.record(report("bob@example.com", Optional.empty(), ProviderReport.Scope.MESSAGE));
        var again = service.record(report("bob@example.com", Optional.empty(), ProviderReport.Scope.MESSAGE));
        assertThat(again.recorded()).isZero();
        assertThat(again.duplicates()).isEqualTo(1);
    }
}
