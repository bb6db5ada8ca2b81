package com.coachintel.leads.application.archfixture;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Violates "no Jackson types in the application". Test fixture. */
public class ApplicationClassUsingJackson {
    public String json(Object value) throws Exception {
        return new ObjectMapper().writeValueAsString(value);
    }
}
