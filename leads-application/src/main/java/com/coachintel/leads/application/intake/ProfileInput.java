package com.coachintel.leads.application.intake;

import com.coachintel.leads.domain.EmailAddress;
import com.coachintel.leads.domain.LeadField;
import com.coachintel.leads.domain.LeadProfile;
import com.coachintel.leads.domain.PhoneNumber;
import com.coachintel.leads.domain.TextInput;
import com.coachintel.leads.domain.Violations;
import com.coachintel.leads.domain.port.PhoneNumberParser;

/** The checks create and capture share: the email and the profile fields, each violation named by its field. */
final class ProfileInput {

    private ProfileInput() {
    }

    static EmailAddress email(String raw, Violations violations) {
        return violations.collect(LeadField.EMAIL, "", () -> EmailAddress.parse(raw, LeadField.EMAIL));
    }

    /** The profile, or null when a field is invalid (its violation recorded). */
    static LeadProfile profile(String firstName, String lastName, String phone, String source, String utmSource,
            String utmMedium, String utmCampaign, PhoneNumberParser phones, Violations violations) {
        String first = name(firstName, LeadField.FIRST_NAME, violations);
        String last = name(lastName, LeadField.LAST_NAME, violations);
        PhoneNumber number = phone(phone, phones, violations);
        String src = sourceText(source, LeadField.SOURCE, violations);
        String utmSrc = sourceText(utmSource, LeadField.UTM_SOURCE, violations);
        String utmMed = sourceText(utmMedium, LeadField.UTM_MEDIUM, violations);
        String utmCamp = sourceText(utmCampaign, LeadField.UTM_CAMPAIGN, violations);
        return new LeadProfile(first, last, number, src, utmSrc, utmMed, utmCamp);
    }

    private static String name(String raw, LeadField field, Violations violations) {
        return violations.collect(field, "", () -> TextInput.optional(raw, field, LeadProfile.MAX_NAME_LENGTH));
    }

    private static String sourceText(String raw, LeadField field, Violations violations) {
        return violations.collect(field, "", () -> TextInput.optional(raw, field, LeadProfile.MAX_SOURCE_LENGTH));
    }

    /** A blank phone is no phone; anything else must be a number the parser accepts. */
    private static PhoneNumber phone(String raw, PhoneNumberParser phones, Violations violations) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (TextInput.hasControlCharacter(raw, false)) {
            violations.add(LeadField.PHONE, "", "must not contain control characters");
            return null;
        }
        return violations.collect(LeadField.PHONE, "", () -> phones.parse(raw.strip(), LeadField.PHONE.identifier()));
    }
}
