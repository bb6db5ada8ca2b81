package com.coachintel.leads.domain;

/**
 * The rules every free-text input of a lead shares: trimmed, at most so many characters (code points), and no
 * control characters. A NUL would otherwise reach PostgreSQL as an error, and a tab or line break in a name
 * breaks every CSV and log that shows it.
 */
public final class TextInput {

    private TextInput() {
    }

    /**
     * The trimmed text, or null when {@code raw} is null or blank.
     *
     * @throws ValidationException about {@code field} when too long or when it holds a control character
     */
    public static String optional(String raw, InputField field, int maxLength) {
        if (raw == null) {
            return null;
        }
        String text = raw.strip();
        if (text.isEmpty()) {
            return null;
        }
        check(text, field, maxLength);
        return text;
    }

    /**
     * The trimmed text, which must not be blank.
     *
     * @throws ValidationException about {@code field} when missing, blank, too long or holding a control character
     */
    public static String required(String raw, InputField field, int maxLength) {
        String text = optional(raw, field, maxLength);
        if (text == null) {
            throw ValidationException.of(field, raw == null ? "is required" : "must not be blank");
        }
        return text;
    }

    private static void check(String text, InputField field, int maxLength) {
        int length = text.codePointCount(0, text.length());
        if (length > maxLength) {
            throw ValidationException.of(field, "must be at most " + maxLength + " characters, got " + length);
        }
        if (hasControlCharacter(text, false)) {
            throw ValidationException.of(field, "must not contain control characters (such as NUL, tab or a line break)");
        }
        if (hasUnpairedSurrogate(text)) {
            throw ValidationException.of(field, UNPAIRED_SURROGATE);
        }
    }

    /** What a text with half a surrogate pair is told. */
    public static final String UNPAIRED_SURROGATE = "must be valid Unicode: it holds half a surrogate pair (such as"
            + " \\ud800 alone), which no text encoding can store";

    /**
     * Whether {@code text} holds a surrogate that is not half of a pair: JSON can spell one ({@code "\\ud800"}), Java
     * keeps it, and UTF-8 cannot encode it (PostgreSQL would store {@code ?}).
     */
    public static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code text} holds a control character (Unicode category Cc); with {@code allowLineBreaks}, tab, line
     * feed and carriage return are allowed (multi-line text such as notes).
     */
    public static boolean hasControlCharacter(String text, boolean allowLineBreaks) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && !(allowLineBreaks && (c == '\t' || c == '\n' || c == '\r'))) {
                return true;
            }
        }
        return false;
    }
}
