package com.coachintel.leads.domain;

import java.util.Locale;

/** A channel a lead can consent to be contacted on. */
public enum ConsentChannel {
    EMAIL, SMS;

    /** The lower-case name used on the wire and in storage. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
