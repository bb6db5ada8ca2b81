package com.coachintel.leads.domain;

import java.util.Objects;

/**
 * A lead's email address, as the lead typed it but trimmed: at most 254 characters, one {@code @} with a
 * non-empty local part before it and a dotted domain after it, no spaces or control characters. Leads are
 * unique per org by this address ignoring case.
 */
public record EmailAddress(String value) {

    /** The most characters an address may have (RFC 5321's path limit less the angle brackets). */
    public static final int MAX_LENGTH = 254;

    public EmailAddress {
        Objects.requireNonNull(value, "value");
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException("not an email address (" + problem + ")");
        }
    }

    /**
     * Trims and checks {@code raw}.
     *
     * @throws ValidationException about {@code field} naming what is wrong
     */
    public static EmailAddress parse(String raw, InputField field) {
        if (raw == null) {
            throw ValidationException.of(field, "is required");
        }
        String trimmed = raw.strip();
        String problem = problem(trimmed);
        if (problem != null) {
            throw ValidationException.of(field, problem);
        }
        return new EmailAddress(trimmed);
    }

    /** What is wrong with {@code value} as an address, or null when nothing is. */
    private static String problem(String value) {
        if (value.isEmpty()) {
            return "must not be blank";
        }
        if (value.length() > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters, got " + value.length();
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return "must not contain spaces or control characters";
            }
        }
        int at = value.indexOf('@');
        if (at < 0 || at != value.lastIndexOf('@')) {
            return "must contain exactly one '@'";
        }
        if (at == 0) {
            return "needs a name before the '@'";
        }
        String domain = value.substring(at + 1);
        if (!domain.contains(".") || domain.startsWith(".") || domain.endsWith(".") || domain.contains("..")) {
            return "needs a dotted domain after the '@', such as example.com";
        }
        return null;
    }

    @Override
    public String toString() {
        return value;
    }
}
