package com.coachintel.leads.application.phone;

import com.coachintel.leads.domain.PhoneNumber;
import com.coachintel.leads.domain.ValidationException;
import com.coachintel.leads.domain.port.PhoneNumberParser;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Locale;
import java.util.Objects;

/**
 * {@link PhoneNumberParser} with Google's libphonenumber: accepts international numbers and national
 * numbers of the default region, keeps only numbers libphonenumber holds valid, and answers E.164.
 */
public final class LibphonenumberParser implements PhoneNumberParser {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    /** Longer input is not a phone number, whatever it says; keeps the parser's work bounded. */
    private static final int MAX_INPUT_LENGTH = 64;

    private final String defaultRegion;

    /**
     * @param defaultRegion ISO 3166-1 alpha-2 region for numbers written without a country code, such as {@code US}
     * @throws IllegalArgumentException when libphonenumber does not know the region
     */
    public LibphonenumberParser(String defaultRegion) {
        String region = Objects.requireNonNull(defaultRegion, "defaultRegion").toUpperCase(Locale.ROOT);
        if (!isSupportedRegion(region)) {
            throw new IllegalArgumentException("not a region libphonenumber knows: " + defaultRegion);
        }
        this.defaultRegion = region;
    }

    /** Whether libphonenumber knows this ISO 3166-1 alpha-2 region (upper case). */
    public static boolean isSupportedRegion(String region) {
        return UTIL.getSupportedRegions().contains(region);
    }

    @Override
    public PhoneNumber parse(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            throw ValidationException.of(field, "must be a phone number, or null to remove it");
        }
        if (raw.length() > MAX_INPUT_LENGTH) {
            throw ValidationException.of(field, "must be at most " + MAX_INPUT_LENGTH + " characters");
        }
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(raw, defaultRegion);
            if (number.hasExtension()) {
                // E.164 has no extension: keeping the number without it would silently drop what the caller wrote.
                throw ValidationException.of(field, "'" + raw + "' has an extension (" + number.getExtension() + "), which"
                        + " is not kept: give the number without it, and the extension in the notes");
            }
            if (UTIL.isValidNumber(number)) {
                return new PhoneNumber(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
            }
        } catch (NumberParseException e) {
            // reported below
        }
        throw ValidationException.of(field, "'" + raw + "' is not a valid phone number (numbers without a country code"
                + " are read as " + defaultRegion + " numbers; write others as +<country code><number>)");
    }
}
