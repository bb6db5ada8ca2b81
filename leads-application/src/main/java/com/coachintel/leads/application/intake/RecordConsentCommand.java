package com.coachintel.leads.application.intake;

import com.coachintel.leads.domain.ConsentChannel;
import com.coachintel.leads.domain.ConsentEntry;
import com.coachintel.leads.domain.ConsentField;
import com.coachintel.leads.domain.Violations;
import com.coachintel.leads.domain.user.Caller;
import java.time.Instant;

/**
 * A consent change a signed-in user records for a lead, as given.
 *
 * @param channel     {@code email} or {@code sms}; required
 * @param status      {@code granted} or {@code revoked}; required
 * @param source      where the lead gave or withdrew it, such as {@code phone-call}; may be null
 * @param textVersion the version of the consent text; may be null
 * @param capturedAt  when the lead gave or withdrew it; null for now; never in the future
 */
public record RecordConsentCommand(String channel, String status, String source, String textVersion, Instant capturedAt) {

    /**
     * The entry to append, recorded by {@code caller}.
     *
     * @throws com.coachintel.leads.domain.ValidationException naming every invalid field by its domain identifier
     */
    public ConsentEntry validate(Caller caller, Instant now) {
        Violations violations = new Violations();
        ConsentChannel parsedChannel = null;
        if (channel == null) {
            violations.add(ConsentField.CHANNEL, "", "is required: email or sms");
        } else {
            parsedChannel = ConsentChannel.fromWireName(channel).orElse(null);
            if (parsedChannel == null) {
                violations.add(ConsentField.CHANNEL, "", "must be email or sms");
            }
        }
        Instant at = capturedAt == null ? now : capturedAt;
        if (at.isAfter(now)) {
            violations.add(ConsentField.CAPTURED_AT, "", "must not be in the future (the server's time is " + now + ")");
        }
        ConsentEntry entry = ConsentInput.entry(parsedChannel, status, source, textVersion, at, null, null, caller.email(),
                "", violations);
        violations.throwIfAny();
        return entry;
    }
}
