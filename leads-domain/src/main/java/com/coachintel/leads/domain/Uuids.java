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

    /** {@code text} as a UUID when it is one in canonical form; empty otherwise (null included). */
    public static java.util.Optional<UUID> tryParse(String text) {
        if (text != null && text.length() == 36) {
            try {
                return java.util.Optional.of(UUID.fromString(text));
            } catch (IllegalArgumentException e) {
                // not a UUID
            }
        }
        return java.util.Optional.empty();
    }
}
