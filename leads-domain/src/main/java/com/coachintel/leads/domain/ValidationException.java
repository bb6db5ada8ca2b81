package com.coachintel.leads.domain;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** One or more inputs are invalid; each {@link Violation} names its field and what is accepted. */
public final class ValidationException extends DomainException {

    private final List<Violation> violations;

    public ValidationException(List<Violation> violations) {
        super("validation-failed", Kind.INVALID, describe(violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a validation error needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    /** A single invalid input. */
    public static ValidationException of(String field, String message) {
        return new ValidationException(List.of(new Violation(field, message)));
    }

    /** A single invalid input of a domain command, named by the domain's identifier for it. */
    public static ValidationException of(InputField subject, String message) {
        return new ValidationException(List.of(new Violation(subject.identifier(), message, subject)));
    }

    /** The invalid inputs, in the order they were found. */
    public List<Violation> violations() {
        return violations;
    }

    /**
     * The same violations, each under the name {@code naming} gives it: how an adapter puts the domain's
     * field names into its own vocabulary. The subjects are kept.
     */
    public ValidationException renamed(java.util.function.Function<Violation, String> naming) {
        return new ValidationException(violations.stream()
                .map(v -> new Violation(naming.apply(v), v.message(), v.subject())).toList());
    }

    private static String describe(List<Violation> violations) {
        return violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
    }

    /**
     * One invalid input.
     *
     * @param field   the name the caller used for it, such as {@code status} or {@code tags[2]}; for a domain
     *                command's input, a path of domain identifiers such as {@code firstName} or
     *                {@code consents.email.textVersion}
     * @param message what is wrong and what is accepted
     * @param subject the domain field the violation is about, when a domain command found it; else null
     */
    public record Violation(String field, String message, InputField subject) {
        public Violation {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(message, "message");
        }

        /** A violation of an input that the adapter named itself. */
        public Violation(String field, String message) {
            this(field, message, null);
        }
    }
}
