package com.coachintel.leads.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Who a lead is and where it came from: the fields a sign-up form hands in besides the email. Every field may
 * be null.
 *
 * @param firstName   at most {@link #MAX_NAME_LENGTH} characters
 * @param lastName    at most {@link #MAX_NAME_LENGTH} characters
 * @param phone       E.164
 * @param source      such as {@code waitlist-web}; at most {@link #MAX_SOURCE_LENGTH} characters, like the UTM fields
 * @param utmSource   the campaign's source
 * @param utmMedium   the campaign's medium
 * @param utmCampaign the campaign's name
 */
public record LeadProfile(String firstName, String lastName, PhoneNumber phone, String source, String utmSource,
        String utmMedium, String utmCampaign) {

    /** The most characters of a first or last name. */
    public static final int MAX_NAME_LENGTH = 100;
    /** The most characters of the source and of each UTM field. */
    public static final int MAX_SOURCE_LENGTH = 200;

    /** A profile with nothing in it. */
    public static LeadProfile empty() {
        return new LeadProfile(null, null, null, null, null, null, null);
    }

    /** The same profile with {@code source} where it has none. */
    public LeadProfile withDefaultSource(String defaultSource) {
        return source != null ? this : new LeadProfile(firstName, lastName, phone, defaultSource, utmSource, utmMedium,
                utmCampaign);
    }

    /**
     * Fills this profile's empty fields from {@code offered}, never overwriting one that has a value: a public form
     * may complete what a coach has, never change it.
     *
     * @return the profile after, and which fields were filled, in declaration order
     */
    public Fill fillBlanksFrom(LeadProfile offered) {
        List<LeadField> filled = new ArrayList<>();
        LeadProfile after = new LeadProfile(
                pick(firstName, offered.firstName, LeadField.FIRST_NAME, filled),
                pick(lastName, offered.lastName, LeadField.LAST_NAME, filled),
                pick(phone, offered.phone, LeadField.PHONE, filled),
                pick(source, offered.source, LeadField.SOURCE, filled),
                pick(utmSource, offered.utmSource, LeadField.UTM_SOURCE, filled),
                pick(utmMedium, offered.utmMedium, LeadField.UTM_MEDIUM, filled),
                pick(utmCampaign, offered.utmCampaign, LeadField.UTM_CAMPAIGN, filled));
        return new Fill(after, filled);
    }

    private static <T> T pick(T current, T offered, LeadField field, List<LeadField> filled) {
        if (current == null && offered != null) {
            filled.add(field);
            return offered;
        }
        return current;
    }

    /**
     * What {@link #fillBlanksFrom} did.
     *
     * @param after  the profile after filling
     * @param filled the fields that were empty and now have a value
     */
    public record Fill(LeadProfile after, List<LeadField> filled) {
        public Fill {
            filled = List.copyOf(filled);
        }
    }
}
