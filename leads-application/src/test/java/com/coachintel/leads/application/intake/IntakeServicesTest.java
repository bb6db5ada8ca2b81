package com.coachintel.leads.application.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachintel.leads.domain.ConsentEntry;
import com.coachintel.leads.domain.LeadDetails;
import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.LeadListItem;
import com.coachintel.leads.domain.LeadNotFoundException;
import com.coachintel.leads.domain.NewLead;
import com.coachintel.leads.domain.ValidationException;
import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.RecordedConsent;
import com.coachintel.leads.domain.port.ConsentLedger;
import com.coachintel.leads.domain.port.LeadIntake;
import com.coachintel.leads.domain.port.LeadQueries;
import com.coachintel.leads.domain.port.RateLimiter;
import com.coachintel.leads.domain.query.Page;
import com.coachintel.leads.domain.query.PageRequest;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The intake services over fake ports: what they hand the store, and the rate limit that comes first. */
class IntakeServicesTest {

    static final Clock CLOCK = Clock.fixed(IntakeCommandsTest.NOW, ZoneOffset.UTC);

    final List<NewLead> created = new ArrayList<>();
    final List<NewLead> captured = new ArrayList<>();
    final LeadIntake intake = new LeadIntake() {
        @Override
        public LeadId create(NewLead lead) {
            created.add(lead);
            return LEAD;
        }

        @Override
        public CaptureOutcome capture(NewLead lead) {
            captured.add(lead);
            return new CaptureOutcome(LEAD, true, List.of());
        }
    };
    static final LeadId LEAD = new LeadId(UUID.randomUUID());

    /** A limiter that allows {@code allowed} attempts in all, counting every attempt. */
    static final class CountingLimiter implements RateLimiter {
        final AtomicInteger attempts = new AtomicInteger();
        final List<String> buckets = new ArrayList<>();
        final int allowed;

        CountingLimiter(int allowed) {
            this.allowed = allowed;
        }

        @Override
        public Decision acquire(String bucket, int limit, Duration window) {
            buckets.add(bucket);
            return attempts.incrementAndGet() <= allowed ? new Decision(true, Duration.ZERO)
                    : new Decision(false, Duration.ofSeconds(42));
        }
    }

    @Test
    void a_capture_is_counted_against_its_client_first_even_when_invalid() {
        CountingLimiter limiter = new CountingLimiter(1);
        CaptureService service = new CaptureService(intake, IntakeCommandsTest.PHONES, limiter, CLOCK,
                new CaptureService.Settings(IntakeCommandsTest.ORG, 10));

        assertThatThrownBy(() -> service.capture(capture("not-an-email", "203.0.113.7")))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> service.capture(capture("eve@example.com", "203.0.113.7")))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(42)));
        assertThat(limiter.buckets).containsExactly("capture:203.0.113.7", "capture:203.0.113.7");
        assertThat(captured).isEmpty();
    }

    @Test
    void an_allowed_capture_goes_to_the_capture_org() {
        CaptureService service = new CaptureService(intake, IntakeCommandsTest.PHONES, new CountingLimiter(5), CLOCK,
                new CaptureService.Settings(IntakeCommandsTest.ORG, 10));

        assertThat(service.capture(capture("eve@example.com", null)).lead()).isEqualTo(LEAD);
        assertThat(captured).singleElement().satisfies(lead -> assertThat(lead.org()).isEqualTo(IntakeCommandsTest.ORG));
    }

    @Test
    void create_validates_stores_and_answers_the_lead_as_stored() {
        LeadDetails stored = details();
        IntakeService service = new IntakeService(intake, unusedLedger(), queries(Optional.of(stored)),
                IntakeCommandsTest.PHONES, CLOCK);

        assertThat(service.createLead(IntakeCommandsTest.COACH, IntakeCommandsTest.create("ada@example.com")))
                .isSameAs(stored);
        assertThat(created).singleElement().satisfies(lead -> assertThat(lead.createdAt()).isEqualTo(IntakeCommandsTest.NOW));

        assertThatThrownBy(() -> service.createLead(IntakeCommandsTest.COACH, IntakeCommandsTest.create("nope")))
                .isInstanceOf(ValidationException.class);
        assertThat(created).hasSize(1); // nothing stored for bad input
    }

    @Test
    void consents_of_a_lead_the_org_does_not_have_are_not_found() {
        ConsentLedger ledger = new ConsentLedger() {
            @Override
            public Appended append(OrgId org, LeadId lead, ConsentEntry entry) {
                throw new LeadNotFoundException(lead);
            }

            @Override
            public Optional<Page<RecordedConsent>> list(OrgId org, LeadId lead, PageRequest page) {
                return Optional.empty();
            }
        };
        IntakeService service = new IntakeService(intake, ledger, queries(Optional.empty()), IntakeCommandsTest.PHONES, CLOCK);

        assertThatThrownBy(() -> service.listConsents(IntakeCommandsTest.COACH, LEAD, PageRequest.first()))
                .isInstanceOf(LeadNotFoundException.class);
        assertThatThrownBy(() -> service.recordConsent(IntakeCommandsTest.COACH, LEAD,
                new RecordConsentCommand("email", "granted", null, null, null))).isInstanceOf(LeadNotFoundException.class);
    }

    private static CaptureLeadCommand capture(String email, String ip) {
        return new CaptureLeadCommand(email, null, null, null, null, null, null, null, null, true, false, ip, null);
    }

    private static LeadDetails details() {
        LeadListItem item = new LeadListItem(LEAD, IntakeCommandsTest.NOW, IntakeCommandsTest.NOW,
                NewLead.INITIAL_STATUS, null, null, "ada@example.com", null, List.of(), null, null, null, null, null, 1);
        return new LeadDetails(item, null, null, null, Optional.empty(), Optional.empty(), List.of());
    }

    private static LeadQueries queries(Optional<LeadDetails> details) {
        return (LeadQueries) Proxy.newProxyInstance(LeadQueries.class.getClassLoader(), new Class<?>[] {LeadQueries.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("details")) {
                        return details;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static ConsentLedger unusedLedger() {
        return (ConsentLedger) Proxy.newProxyInstance(ConsentLedger.class.getClassLoader(),
                new Class<?>[] {ConsentLedger.class}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
    }

}
