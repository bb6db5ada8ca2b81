package com.coachintel.leads.domain;

import java.util.Objects;
import java.util.Optional;

/** A coach's free-text notes on a lead: 1 to 10,000 characters (empty notes are no notes). */
public record Notes(String text) {

    /** The most characters notes may have. */
    public static final int MAX_LENGTH = 10_000;

    public Notes {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("notes must be 1.." + MAX_LENGTH + " characters");
        }
    }

    /**
     * Null or empty input means no notes; longer than the limit, or holding a control character other than tab and
     * line breaks (a NUL cannot be stored), is a {@link ValidationException} on {@code field}.
     */
    public static Optional<Notes> parse(String raw, String field) {
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        if (raw.length() > MAX_LENGTH) {
            throw ValidationException.of(field, "must be at most " + MAX_LENGTH + " characters, got " + raw.length());
        }
        if (TextInput.hasControlCharacter(raw, true)) {
            throw ValidationException.of(field, "must not contain control characters other than tab and line breaks");
        }
        if (TextInput.hasUnpairedSurrogate(raw)) {
            throw ValidationException.of(field, TextInput.UNPAIRED_SURROGATE);
        }
        return Optional.of(new Notes(raw));
    }
}
