package com.coachintel.leads.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry to append to a lead's consent ledger, with its proof. The ledger is append-only: a change of mind
 * is a new entry. The entry in force per channel is the one with the latest {@code capturedAt}; on a tie, the
 * one recorded later ({@link RecordedConsent#IN_FORCE_FIRST}).
 *
 * @param channel     email or sms
 * @param status      granted or revoked
 * @param capturedAt  when the lead gave or withdrew it (never in the future)
 * @param source      where, such as {@code waitlist-web}; may be null
 * @param textVersion the version of the consent text the lead saw; may be null
 * @param ip          the lead's address when captured from a form; may be null
 * @param userAgent   the lead's browser when captured from a form; may be null
 * @param recordedBy  who recorded it: a user's email, or {@code public-capture}
 */
public record ConsentEntry(ConsentChannel channel, ConsentStatus status, Instant capturedAt, String source,
        String textVersion, String ip, String userAgent, String recordedBy) {

    /** The most characters of a source or text version. */
    public static final int MAX_TEXT_LENGTH = 200;
    /** The most characters of a user agent kept as proof; longer ones are cut. */
    public static final int MAX_USER_AGENT_LENGTH = 512;

    public ConsentEntry {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(capturedAt, "capturedAt");
        Objects.requireNonNull(recordedBy, "recordedBy");
    }

    /** Whether this entry gives consent. */
    public boolean granted() {
        return status == ConsentStatus.GRANTED;
    }
}
