package com.coachintel.leads.domain;

import java.util.Locale;

/** The fields of a lead whose changes are audited one by one. */
public enum LeadField {
    TAGS, PHONE, NOTES;

    /** The lower-case name used on the wire and in storage. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
