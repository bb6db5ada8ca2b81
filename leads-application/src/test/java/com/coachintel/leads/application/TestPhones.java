package com.coachintel.leads.application;

import com.coachintel.leads.domain.PhoneNumber;
import com.coachintel.leads.domain.ValidationException;
import com.coachintel.leads.domain.port.PhoneNumberParser;

/** A phone parser for use-case tests: accepts US numbers written as ten digits, as one with default region US would. */
public final class TestPhones {

    public static final PhoneNumberParser US = (raw, field) -> {
        String digits = raw.replaceAll("[^0-9+]", "");
        if (digits.matches("\\+[1-9][0-9]{7,14}")) {
            return new PhoneNumber(digits);
        }
        if (digits.matches("[2-9][0-9]{9}")) {
            return new PhoneNumber("+1" + digits);
        }
        throw ValidationException.of(field, "'" + raw + "' is not a valid phone number");
    };

    private TestPhones() {
    }
}
