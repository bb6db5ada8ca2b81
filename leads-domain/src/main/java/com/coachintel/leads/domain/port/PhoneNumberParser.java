package com.coachintel.leads.domain.port;

import com.coachintel.leads.domain.PhoneNumber;

/** Turns what a person typed into a valid phone number, or says why it is not one. */
public interface PhoneNumberParser {

    /**
     * @param raw   the input, in international form or in the parser's default region's national form
     * @param field the input's name, for the error
     * @throws com.coachintel.leads.domain.ValidationException on {@code field} when it is not a valid number
     */
    PhoneNumber parse(String raw, String field);
}
