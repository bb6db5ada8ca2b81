package com.coachintel.leads.application.intake;

import com.coachintel.leads.domain.ConsentChannel;
import com.coachintel.leads.domain.ConsentEntry;
import com.coachintel.leads.domain.EmailAddress;
import com.coachintel.leads.domain.LeadField;
import com.coachintel.leads.domain.LeadProfile;
import com.coachintel.leads.domain.NewLead;
import com.coachintel.leads.domain.Notes;
import com.coachintel.leads.domain.Tag;
import com.coachintel.leads.domain.Tags;
import com.coachintel.leads.domain.Violations;
import com.coachintel.leads.domain.port.PhoneNumberParser;
import com.coachintel.leads.domain.user.Caller;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A signed-in user's new lead, as given (raw, not yet validated). {@link #validate} checks every field at once:
 * the email (required, at most 254 characters, one {@code @}, a dotted domain), names (at most 100 characters),
 * the phone (through the {@link PhoneNumberParser}, stored as E.164), tags (as a PATCH normalises them), source
 * and UTM fields (at most 200 characters), notes (at most 10,000), no control characters anywhere, and the
 * initial consent per channel.
 *
 * @param email       required
 * @param firstName   may be null
 * @param lastName    may be null
 * @param phone       as typed; null or blank for none
 * @param tags        may be null for none
 * @param source      may be null
 * @param utmSource   may be null
 * @param utmMedium   may be null
 * @param utmCampaign may be null
 * @param notes       may be null
 * @param consents    the initial consent per channel; may be empty
 */
public record CreateLeadCommand(String email, String firstName, String lastName, String phone, List<String> tags,
        String source, String utmSource, String utmMedium, String utmCampaign, String notes,
        Map<ConsentChannel, InitialConsent> consents) {

    public CreateLeadCommand {
        tags = tags == null ? List.of() : new ArrayList<>(tags); // may hold nulls, which validate() names
        consents = consents == null ? Map.of() : Map.copyOf(consents);
    }

    /**
     * A consent the lead gave (or refused) before the user added them, as given.
     *
     * @param status      {@code granted} or {@code revoked}; required
     * @param source      where it was given; may be null
     * @param textVersion the version of the consent text; may be null
     */
    public record InitialConsent(String status, String source, String textVersion) {
    }

    /**
     * The lead to store, recorded as created by {@code caller} at {@code now}.
     *
     * @throws com.coachintel.leads.domain.ValidationException naming every invalid field by its domain identifier
     *         ({@code firstName}, {@code tags[2]}, {@code consents.email.status})
     */
    public NewLead validate(Caller caller, PhoneNumberParser phones, Instant now) {
        Violations violations = new Violations();
        EmailAddress address = ProfileInput.email(email, violations);
        LeadProfile profile = ProfileInput.profile(firstName, lastName, phone, source, utmSource, utmMedium, utmCampaign,
                phones, violations);
        List<Tag> parsedTags = violations.collect(LeadField.TAGS, "", () -> Tags.parse(tags, LeadField.TAGS.identifier()));
        Optional<Notes> parsedNotes = violations.collect(LeadField.NOTES, "",
                () -> Notes.parse(notes, LeadField.NOTES.identifier()));
        Map<ConsentChannel, ConsentEntry> entries = new EnumMap<>(ConsentChannel.class);
        consents.forEach((channel, consent) -> {
            String prefix = "consents." + channel.wireName() + ".";
            ConsentEntry entry = ConsentInput.entry(channel, consent.status(), consent.source(), consent.textVersion(), now,
                    null, null, caller.email(), prefix, violations);
            if (entry != null) {
                entries.put(channel, entry);
            }
        });
        violations.throwIfAny();
        return new NewLead(caller.orgId(), address, profile, parsedTags, parsedNotes, List.copyOf(entries.values()),
                caller.email(), now);
    }
}
