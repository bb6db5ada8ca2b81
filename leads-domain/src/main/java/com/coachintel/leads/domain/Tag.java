package com.coachintel.leads.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;

/**
 * A label on a lead, normalised: NFC, trimmed and lower-cased, so tags compare case-insensitively. 1 to 40
 * characters. In ASCII: letters, digits, spaces and {@code - _ % & + # . / : ' !} ({@code "50% off"}, {@code "q&a"},
 * {@code "c++"}); never a control character, and never {@code ;} (it separates tags in the CSV export) or other
 * ASCII punctuation ({@code = | < > " , $ @} ...). Beyond ASCII, what people write: letters of every script, digits,
 * marks, symbols and emoji, but no control character, no invisible formatting (zero-width and bidirectional
 * controls) and no space other than the ASCII one. The database checks exactly this set with
 * {@code tags_have_allowed_characters} (changeset 008): see {@link #isAllowedCharacter}.
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
                    + String.join(" ", PUNCTUATION.split("")) + " (and, beyond ASCII, no control or invisible character)"
                    + (raw.indexOf(';') >= 0 ? " (not ';', which separates tags)" : ""));
        }
        return new Tag(normalised);
    }

    /**
     * 1 to {@link #MAX_LENGTH} code points, each {@link #isAllowedCharacter allowed}. A loop rather than a regular
     * expression: every tag read back from storage passes here, and the regex was a visible cost of exporting 500,000
     * leads.
     */
    private static boolean allowed(String value) {
        int count = 0;
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            if (++count > MAX_LENGTH || !isAllowedCharacter(c)) {
                return false;
            }
        }
        return count > 0;
    }

    /**
     * Whether a tag may hold this code point. An explicit list rather than Unicode character classes, so that the
     * database's check (a regular expression of the same ranges) accepts exactly the same set whatever its locale, and
     * no JDK's newer Unicode tables can make the two disagree.
     */
    public static boolean isAllowedCharacter(int c) {
        if (c < 0x80) {
            return c == ' ' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || PUNCTUATION.indexOf(c) >= 0;
        }
        return !(c <= 0xA0 // C1 controls and the no-break space
                || c == 0xAD // soft hyphen
                || c == 0x61C // Arabic letter mark
                || c == 0x1680 || c == 0x180E // Ogham space, Mongolian vowel separator
                || (c >= 0x2000 && c <= 0x200F) // spaces, zero-width characters, directional marks
                || (c >= 0x2028 && c <= 0x202F) // line and paragraph separators, bidirectional embeddings, narrow space
                || (c >= 0x205F && c <= 0x206F) // medium space, word joiner, invisible operators, bidirectional isolates
                || c == 0x3000 // ideographic space
                || (c >= 0xD800 && c <= 0xDFFF) // lone surrogates
                || c == 0xFEFF // byte order mark
                || (c >= 0xFFF9 && c <= 0xFFFB) // interlinear annotation
                || c == 0xFFFE || c == 0xFFFF); // non-characters
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
