package com.coachintel.leads.adapter.http;

import com.coachintel.leads.domain.ValidationException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

/**
 * Puts the domain's field names into the API's: a violation a domain command found names its field by domain
 * identifiers ({@code firstName}, {@code consents.email.textVersion}); the API's bodies name the same fields in
 * snake_case ({@code first_name}), through the same naming strategy that binds the bodies to records
 * ({@link JsonMapping}). Violations the adapter found itself already carry wire names and stay as they are.
 */
final class WireNames {

    private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE_CASE = new PropertyNamingStrategies.SnakeCaseStrategy();

    private WireNames() {
    }

    static String of(ValidationException.Violation violation) {
        if (violation.subject() == null) {
            return violation.field();
        }
        String[] segments = violation.field().split("\\.", -1);
        StringBuilder wire = new StringBuilder();
        for (String segment : segments) {
            wire.append(wire.isEmpty() ? "" : ".").append(SNAKE_CASE.translate(segment));
        }
        return wire.toString();
    }
}
