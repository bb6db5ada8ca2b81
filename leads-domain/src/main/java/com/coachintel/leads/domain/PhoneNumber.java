package com.coachintel.leads.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A phone number in E.164 form, such as {@code +14155550123}. Which numbers are real is decided by a
 * {@link com.coachintel.leads.domain.port.PhoneNumberParser}; this type only guarantees the form.
 */
public record PhoneNumber(String e164) {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

    public PhoneNumber {
        Objects.requireNonNull(e164, "e164");
        if (!E164.matcher(e164).matches()) {
            throw new IllegalArgumentException("not an E.164 phone number: " + e164);
        }
    }

    @Override
    public String toString() {
        return e164;
    }
}
