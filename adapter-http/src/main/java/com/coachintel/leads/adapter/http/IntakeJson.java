package com.coachintel.leads.adapter.http;

import com.coachintel.leads.domain.ConsentEntry;
import com.coachintel.leads.domain.RecordedConsent;
import java.time.Instant;
import java.util.List;

/**
 * The bodies of the intake endpoints, as records the API's one mapper binds and writes (snake_case on the wire):
 * {@code CreateLeadRequest}, {@code CaptureRequest}, {@code ConsentRequest} and {@code ConsentEntry} in
 * docs/openapi.yaml.
 */
final class IntakeJson {

    private IntakeJson() {
    }

    /** {@code POST /leads}. */
    record CreateLeadRequest(String email, String firstName, String lastName, String phone, List<String> tags,
            String source, String utmSource, String utmMedium, String utmCampaign, String notes, InitialConsents consents) {
    }

    /** A new lead's consent per channel. */
    record InitialConsents(InitialConsent email, InitialConsent sms) {
    }

    /** One channel's consent on a new lead. */
    record InitialConsent(String status, String source, String textVersion) {
    }

    /**
     * {@code POST /crm/public/leads}: the opt-in flags come as {@code consent_email} / {@code consent_sms} (what
     * CoachIntel's browser form sends) or {@code consent_email_opt_in} / {@code consent_sms_opt_in} (what its
     * Next.js route sends).
     */
    record CaptureRequest(String email, String firstName, String lastName, String phone, String source, String utmSource,
            String utmMedium, String utmCampaign, String consentVersion, Boolean consentEmail, Boolean consentSms,
            Boolean consentEmailOptIn, Boolean consentSmsOptIn) {
    }

    /** {@code POST /leads/{id}/consents}; {@code captured_at} is read by the handler so that its error names it. */
    record ConsentRequest(String channel, String status, String source, String textVersion, String capturedAt) {
    }

    /** The public capture's one answer, whatever happened. */
    record Received(String status) {
        static final Received INSTANCE = new Received("received");
    }

    /** One consent-ledger entry. */
    record ConsentEntryJson(long id, String channel, String status, Instant capturedAt, String source, String textVersion,
            String ip, String userAgent, String recordedBy, Instant recordedAt) {
        static ConsentEntryJson from(RecordedConsent recorded) {
            ConsentEntry entry = recorded.entry();
            return new ConsentEntryJson(recorded.id(), entry.channel().wireName(), entry.status().wireName(),
                    entry.capturedAt(), entry.source(), entry.textVersion(), entry.ip(), entry.userAgent(),
                    entry.recordedBy(), recorded.recordedAt());
        }
    }
}
