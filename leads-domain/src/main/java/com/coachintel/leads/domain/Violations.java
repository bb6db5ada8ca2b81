package com.coachintel.leads.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects violations from several inputs so that one answer names every bad field at once,
 * instead of making the caller fix them one request at a time.
 */
public final class Violations {

    private final List<ValidationException.Violation> found = new ArrayList<>();

    /** Runs {@code parse}; a {@link ValidationException} it throws is recorded and null returned. */
    public <T> T collect(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (ValidationException e) {
            found.addAll(e.violations());
            return null;
        }
    }

    /**
     * Runs {@code parse}; the violations a {@link ValidationException} it throws carries are recorded as about
     * {@code subject}, each name prefixed with {@code prefix} (such as {@code consents.email.}), and null returned.
     */
    public <T> T collect(InputField subject, String prefix, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (ValidationException e) {
            e.violations().forEach(v -> found.add(new ValidationException.Violation(prefix + v.field(), v.message(), subject)));
            return null;
        }
    }

    /** Records a violation of a domain command's input. */
    public void add(InputField subject, String prefix, String message) {
        found.add(new ValidationException.Violation(prefix + subject.identifier(), message, subject));
    }

    /** Records a violation. */
    public void add(String field, String message) {
        found.add(new ValidationException.Violation(field, message));
    }

    /** Whether nothing was recorded. */
    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** Throws a {@link ValidationException} with everything recorded, if anything was. */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new ValidationException(found);
        }
    }
}
