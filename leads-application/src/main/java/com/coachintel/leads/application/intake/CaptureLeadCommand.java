package com.coachintel.leads.application.intake;

import com.coachintel.leads.domain.ConsentChannel;
import com.coachintel.leads.domain.ConsentEntry;
import com.coachintel.leads.domain.ConsentStatus;
import com.coachintel.leads.domain.EmailAddress;
import com.coachintel.leads.domain.InputField;
import com.coachintel.leads.domain.LeadProfile;
import com.coachintel.leads.domain.NewLead;
import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.TextInput;
import com.coachintel.leads.domain.Violations;
import com.coachintel.leads.domain.port.PhoneNumberParser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A sign-up handed in by a public form, as given, with the proof of where it came from. The fields follow
 * {@link CreateLeadCommand}'s rules. Consent from a public form can only be granted: anyone can type anyone's
 * email, so an unchecked box records nothing, and opt-outs come from the lead's own channels.
 *
 * @param email          required
 * @param firstName      may be null
 * @param lastName       may be null
 * @param phone          as typed; null or blank for none
 * @param source         may be null: {@link #DEFAULT_SOURCE}
 * @param utmSource      may be null
 * @param utmMedium      may be null
 * @param utmCampaign    may be null
 * @param consentVersion the version of the consent text the form showed; may be null
 * @param consentEmail   whether the email box was ticked
 * @param consentSms     whether the SMS box was ticked
 * @param clientIp       the submitter's address, as proof; may be null
 * @param userAgent      the submitter's browser, as proof; may be null
 */
public record CaptureLeadCommand(String email, String firstName, String lastName, String phone, String source,
        String utmSource, String utmMedium, String utmCampaign, String consentVersion, boolean consentEmail,
        boolean consentSms, String clientIp, String userAgent) {

    /** The source of a captured lead whose form names none. */
    public static final String DEFAULT_SOURCE = "waitlist-web";
    /** Who a captured lead's history and consent entries say recorded them. */
    public static final String RECORDED_BY = "public-capture";
    /** The consent text's version, as a capture names it (a ledger entry calls it its text version). */
    static final InputField CONSENT_VERSION = () -> "consentVersion";

    /**
     * The lead to create or complete in {@code org}, with a granted consent entry, with its proof, per ticked box.
     *
     * @throws com.coachintel.leads.domain.ValidationException naming every invalid field by its domain identifier
     */
    public NewLead validate(OrgId org, PhoneNumberParser phones, Instant now) {
        Violations violations = new Violations();
        EmailAddress address = ProfileInput.email(email, violations);
        LeadProfile profile = ProfileInput.profile(firstName, lastName, phone, source, utmSource, utmMedium, utmCampaign,
                phones, violations);
        String version = violations.collect(CONSENT_VERSION, "",
                () -> TextInput.optional(consentVersion, CONSENT_VERSION, ConsentEntry.MAX_TEXT_LENGTH));
        violations.throwIfAny();
        LeadProfile withSource = profile.withDefaultSource(DEFAULT_SOURCE);
        List<ConsentEntry> consents = new ArrayList<>();
        String agent = ConsentInput.proofText(userAgent);
        if (consentEmail) {
            consents.add(new ConsentEntry(ConsentChannel.EMAIL, ConsentStatus.GRANTED, now, withSource.source(), version,
                    clientIp, agent, RECORDED_BY));
        }
        if (consentSms) {
            consents.add(new ConsentEntry(ConsentChannel.SMS, ConsentStatus.GRANTED, now, withSource.source(), version,
                    clientIp, agent, RECORDED_BY));
        }
        return new NewLead(org, address, withSource, List.of(), java.util.Optional.empty(), consents, RECORDED_BY, now);
    }
}
