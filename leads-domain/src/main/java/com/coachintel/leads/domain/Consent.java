package com.coachintel.leads.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a lead's consent ledger: granted or revoked on a channel, when, and from where.
 * The latest entry of a channel is the consent in force.
 *
 * @param channel    email or sms
 * @param granted    true when consent was given, false when it was withdrawn
 * @param capturedAt when the lead gave or withdrew it
 * @param source     where it was captured, such as {@code signup_form}; may be null
 */
public record Consent(ConsentChannel channel, boolean granted, Instant capturedAt, String source) {

    public Consent {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(capturedAt, "capturedAt");
    }
}
