package com.coachintel.leads.application.phone.archfixture;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Violates "application.phone uses the JDK, the domain and libphonenumber only". Test fixture. */
public class PhoneClassUsingJackson {
    public String json(Object value) throws Exception {
        return new ObjectMapper().writeValueAsString(value);
    }
}
