package com.coachintel.leads.domain;

/** The inputs of a consent-ledger entry, as violations name them. */
public enum ConsentField implements InputField {
    CHANNEL("channel"),
    STATUS("status"),
    SOURCE("source"),
    TEXT_VERSION("textVersion"),
    CAPTURED_AT("capturedAt"),
    IP("ip"),
    USER_AGENT("userAgent");

    private final String identifier;

    ConsentField(String identifier) {
        this.identifier = identifier;
    }

    @Override
    public String identifier() {
        return identifier;
    }
}
