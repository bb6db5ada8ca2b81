package com.coachintel.leads.domain;

/**
 * A named input of a domain command, such as a lead's first name. Violations about it name it by its
 * {@link #identifier()}, a Java-style name ({@code firstName}); each adapter translates that into its own
 * vocabulary (the HTTP API writes {@code first_name}), so that domain errors carry no wire names.
 */
public interface InputField {

    /** The field's name in the domain's vocabulary: lower camel case, such as {@code utmSource}. */
    String identifier();
}
