package com.coachintel.leads.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;

/**
 * A label on a lead, normalised: NFC, trimmed and lower-cased, so tags compare case-insensitively. 1 to 40
 * characters of what people write as tags: Unicode letters and digits, spaces, and {@code - _ % & + # . / : ' !}
 * ({@code "50% off"}, {@code "q&a"}, {@code "c++"}). Never a control character, and never {@code ;}, which separates
 * tags in the CSV export.
 */
public record Tag(String value) {

    /** The most characters a tag may have. */
    public static final int MAX_LENGTH = 40;
    /** The punctuation a tag may hold besides letters, digits and spaces. */
    public static final String PUNCTUATION = "-_%&+#./:'!";

    public Tag {
        Objects.requireNonNull(value, "value");
        if (!allowed(value) || !value.equals(normalise(value))) {
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
        if (!allowed(normalised)) {
            throw ValidationException.of(field, "'" + abbreviate(raw) + "' may contain only letters, digits, spaces and "
                    + String.join(" ", PUNCTUATION.split("")) + (raw.indexOf(';') >= 0 ? " (not ';', which separates tags)" : ""));
        }
        return new Tag(normalised);
    }

    /**
     * 1 to {@link #MAX_LENGTH} code points, each a letter ({@code \\p{L}}), a combining mark that NFC leaves
     * ({@code \\p{M}}), a number ({@code \\p{N}}), space, or one of {@link #PUNCTUATION}. A loop rather than a
     * regular expression: every tag read back from storage passes here, and the regex was a visible cost of exporting
     * 500,000 leads.
     */
    private static boolean allowed(String value) {
        int count = 0;
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            if (++count > MAX_LENGTH || !(c == ' ' || Character.isLetter(c) || isNumber(c) || isMark(c)
                    || (c < 128 && PUNCTUATION.indexOf(c) >= 0))) {
                return false;
            }
        }
        return count > 0;
    }

    private static boolean isMark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static boolean isNumber(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    private static String normalise(String raw) {
        String composed = Normalizer.isNormalized(raw, Normalizer.Form.NFC) ? raw : Normalizer.normalize(raw, Normalizer.Form.NFC);
        return composed.strip().toLowerCase(Locale.ROOT);
    }

    private static String abbreviate(String raw) {
        return raw.length() <= 60 ? raw : raw.substring(0, 57) + "...";
    }

    @Override
    public String toString() {
        return value;
    }
}
