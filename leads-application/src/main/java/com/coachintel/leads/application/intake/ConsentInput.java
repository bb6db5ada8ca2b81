package com.coachintel.leads.application.intake;

import com.coachintel.leads.domain.ConsentChannel;
import com.coachintel.leads.domain.ConsentEntry;
import com.coachintel.leads.domain.ConsentField;
import com.coachintel.leads.domain.ConsentStatus;
import com.coachintel.leads.domain.TextInput;
import com.coachintel.leads.domain.Violations;
import java.time.Instant;

/** Checks a consent entry's inputs, naming each bad one under a prefix such as {@code consents.email.}. */
final class ConsentInput {

    private static final String STATUSES = ConsentStatus.GRANTED.wireName() + " or " + ConsentStatus.REVOKED.wireName();

    private ConsentInput() {
    }

    /** The entry, or null when an input is invalid (its violations recorded). */
    static ConsentEntry entry(ConsentChannel channel, String status, String source, String textVersion, Instant capturedAt,
            String ip, String userAgent, String recordedBy, String prefix, Violations violations) {
        ConsentStatus parsedStatus = null;
        if (status == null) {
            violations.add(ConsentField.STATUS, prefix, "is required: " + STATUSES);
        } else {
            parsedStatus = ConsentStatus.fromWireName(status).orElse(null);
            if (parsedStatus == null) {
                violations.add(ConsentField.STATUS, prefix, "must be " + STATUSES);
            }
        }
        String parsedSource = violations.collect(ConsentField.SOURCE, prefix,
                () -> TextInput.optional(source, ConsentField.SOURCE, ConsentEntry.MAX_TEXT_LENGTH));
        String parsedVersion = violations.collect(ConsentField.TEXT_VERSION, prefix,
                () -> TextInput.optional(textVersion, ConsentField.TEXT_VERSION, ConsentEntry.MAX_TEXT_LENGTH));
        if (channel == null || parsedStatus == null || (source != null && !source.isBlank() && parsedSource == null)
                || (textVersion != null && !textVersion.isBlank() && parsedVersion == null)) {
            return null;
        }
        return new ConsentEntry(channel, parsedStatus, capturedAt, parsedSource, parsedVersion, ip, proofText(userAgent),
                recordedBy);
    }

    /** A user agent as proof: kept as sent, less control characters, cut to the length kept. */
    static String proofText(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return null;
        }
        StringBuilder kept = new StringBuilder();
        userAgent.strip().codePoints().filter(c -> !Character.isISOControl(c)).limit(ConsentEntry.MAX_USER_AGENT_LENGTH)
                .forEach(kept::appendCodePoint);
        return kept.toString();
    }
}
