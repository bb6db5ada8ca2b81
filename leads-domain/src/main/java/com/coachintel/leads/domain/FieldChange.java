package com.coachintel.leads.domain;

import java.util.List;
import java.util.Objects;

/**
 * An audited change of one field: its value before and after. Values are, by field, the list of tag
 * names ({@link LeadField#TAGS}) or the text of the phone number or notes; {@code null} for no value.
 *
 * @param field  which field changed
 * @param before the value before; a {@code List<String>} for tags, a {@code String} otherwise, or null
 * @param after  the value after, in the same form
 */
public record FieldChange(LeadField field, Object before, Object after) {

    public FieldChange {
        Objects.requireNonNull(field, "field");
        checkForm(field, before);
        checkForm(field, after);
    }

    static FieldChange tags(List<Tag> before, List<Tag> after) {
        return new FieldChange(LeadField.TAGS, names(before), names(after));
    }

    static FieldChange phone(PhoneNumber before, PhoneNumber after) {
        return new FieldChange(LeadField.PHONE, before == null ? null : before.e164(), after == null ? null : after.e164());
    }

    static FieldChange notes(String before, String after) {
        return new FieldChange(LeadField.NOTES, before, after);
    }

    private static List<String> names(List<Tag> tags) {
        return tags.stream().map(Tag::value).toList();
    }

    private static void checkForm(LeadField field, Object value) {
        boolean ok = value == null || (field == LeadField.TAGS ? value instanceof List<?> : value instanceof String);
        if (!ok) {
            throw new IllegalArgumentException(field.wireName() + " values must be "
                    + (field == LeadField.TAGS ? "lists of tag names" : "strings") + ", got " + value.getClass().getName());
        }
    }
}
