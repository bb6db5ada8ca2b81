package com.coachintel.leads.domain;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** One or more inputs are invalid; each {@link Violation} names its field and what is accepted. */
public final class ValidationException extends DomainException {

    private final List<Violation> violations;

    public ValidationException(List<Violation> violations) {
        super("validation-failed", describe(violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a validation error needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    /** A single invalid input. */
    public static ValidationException of(String field, String message) {
        return new ValidationException(List.of(new Violation(field, message)));
    }

    /** The invalid inputs, in the order they were found. */
    public List<Violation> violations() {
        return violations;
    }

    private static String describe(List<Violation> violations) {
        return violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
    }

    /**
     * One invalid input.
     *
     * @param field   the name the caller used for it, such as {@code status} or {@code tags[2]}
     * @param message what is wrong and what is accepted
     */
    public record Violation(String field, String message) {
        public Violation {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(message, "message");
        }
    }
}
