package com.coachintel.leads.application.csv.archfixture;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Violates "application.csv uses the JDK, the domain and FastCSV only". Test fixture. */
public class CsvClassUsingJackson {
    public String json(Object value) throws Exception {
        return new ObjectMapper().writeValueAsString(value);
    }
}
