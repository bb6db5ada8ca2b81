package com.coachintel.leads.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A label on a lead, normalised: trimmed and lower-cased, so tags compare case-insensitively.
 * 1 to 40 characters of letters, digits, space, {@code -} and {@code _}.
 */
public record Tag(String value) {

    /** The most characters a tag may have. */
    public static final int MAX_LENGTH = 40;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N} _-]{1," + MAX_LENGTH + "}");

    public Tag {
        Objects.requireNonNull(value, "value");
        if (!ALLOWED.matcher(value).matches() || !value.equals(normalise(value))) {
            throw new IllegalArgumentException("not a normalised tag: '" + value + "'");
        }
    }

    /** Normalises and checks raw input; a bad tag is a {@link ValidationException} on {@code field}. */
    public static Tag parse(String raw, String field) {
        String normalised = raw == null ? "" : normalise(raw);
        if (normalised.isEmpty()) {
            throw ValidationException.of(field, "must not be empty");
        }
        if (normalised.length() > MAX_LENGTH) {
            throw ValidationException.of(field, "'" + abbreviate(raw) + "' is longer than " + MAX_LENGTH + " characters");
        }
        if (!ALLOWED.matcher(normalised).matches()) {
            throw ValidationException.of(field, "'" + abbreviate(raw) + "' may contain only letters, digits, space, '-' and '_'");
        }
        return new Tag(normalised);
    }

    private static String normalise(String raw) {
        return raw.strip().toLowerCase(Locale.ROOT);
    }

    private static String abbreviate(String raw) {
        return raw.length() <= 60 ? raw : raw.substring(0, 57) + "...";
    }

    @Override
    public String toString() {
        return value;
    }
}
