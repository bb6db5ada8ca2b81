package com.coachintel.leads.domain;

import java.util.Locale;

/** The fields of a lead that callers give: named by violations, audited on change, filled by a capture. */
public enum LeadField implements InputField {
    EMAIL("email"),
    FIRST_NAME("firstName"),
    LAST_NAME("lastName"),
    PHONE("phone"),
    TAGS("tags"),
    SOURCE("source"),
    UTM_SOURCE("utmSource"),
    UTM_MEDIUM("utmMedium"),
    UTM_CAMPAIGN("utmCampaign"),
    NOTES("notes");

    private final String identifier;
    private final String wireName = name().toLowerCase(Locale.ROOT);

    LeadField(String identifier) {
        this.identifier = identifier;
    }

    @Override
    public String identifier() {
        return identifier;
    }

    /** The lower-case name used in storage and in history entries, such as {@code first_name}. */
    public String wireName() {
        return wireName;
    }
}
