package com.coachintel.leads.domain.query;

import com.coachintel.leads.domain.ValidationException;
import java.util.Objects;
import java.util.Optional;

/**
 * A case-insensitive substring to look for in a lead's email, first name, last name and
 * "first last". Matched literally: {@code %}, {@code _} and {@code \} are not wildcards.
 * Trimmed; 1 to 200 characters; no control characters.
 */
public record SearchTerm(String text) {

    /** The longest search term accepted. */
    public static final int MAX_LENGTH = 200;

    public SearchTerm {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty() || !text.equals(text.strip()) || text.length() > MAX_LENGTH || hasControlCharacter(text)) {
            throw new IllegalArgumentException("not a valid search term");
        }
    }

    /** Trims raw input; blank means no search (empty), a bad term is a {@link ValidationException} on {@code field}. */
    public static Optional<SearchTerm> parse(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String trimmed = raw.strip();
        if (trimmed.length() > MAX_LENGTH) {
            throw ValidationException.of(field, "must be at most " + MAX_LENGTH + " characters, got " + trimmed.length());
        }
        if (hasControlCharacter(trimmed)) {
            throw ValidationException.of(field, "must not contain control characters");
        }
        return Optional.of(new SearchTerm(trimmed));
    }

    private static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }
}
