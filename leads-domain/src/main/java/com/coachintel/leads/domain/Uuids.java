package com.coachintel.leads.domain;

import java.util.UUID;

/** Reading the UUIDs that identify things, strictly: the canonical 36-character form only. */
public final class Uuids {

    private Uuids() {
    }

    /**
     * Parses {@code text} as a canonical UUID.
     *
     * @param what what the id identifies, for the error ("lead", "export")
     * @throws ValidationException on {@code field} for anything else
     */
    public static UUID parse(String text, String field, String what) {
        return tryParse(text).orElseThrow(() -> ValidationException.of(field, "must be "
                + (what.startsWith("e") ? "an " : "a ") + what + " id (a UUID such as 3f2b8c1e-9d4a-4c2b-8e1f-0a1b2c3d4e5f)"));
    }

    /**
     * {@code text} as a UUID when it is one in canonical form (8-4-4-4-12 hex digits, either case); empty otherwise
     * (null included). {@link UUID#fromString} alone also takes groups of other lengths, such as
     * {@code 024aeca23-408-...}, and reads them as a different id.
     */
    public static java.util.Optional<UUID> tryParse(String text) {
        if (text == null || text.length() != 36) {
            return java.util.Optional.empty();
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            boolean ok = dash ? c == '-' : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!ok) {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.of(UUID.fromString(text));
    }
}
