package com.coachintel.leads.application.leads;

import com.coachintel.leads.domain.FieldUpdate;
import com.coachintel.leads.domain.LeadDetails;
import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.LeadStatus;
import com.coachintel.leads.domain.Notes;
import com.coachintel.leads.domain.PhoneNumber;
import com.coachintel.leads.domain.Tag;
import com.coachintel.leads.domain.Tags;
import com.coachintel.leads.domain.TextInput;
import com.coachintel.leads.domain.ValidationException;
import com.coachintel.leads.domain.Violations;
import com.coachintel.leads.domain.port.LeadStore;
import com.coachintel.leads.domain.port.PhoneNumberParser;
import com.coachintel.leads.domain.user.Caller;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The write use cases. Input is validated first (every bad field named at once); the change itself is
 * the domain's ({@link com.coachintel.leads.domain.Lead}), applied atomically by the {@link LeadStore};
 * the answer is the lead as that change's own transaction left it.
 */
public final class LeadChangeService implements UpdateLeadContactUseCase, UpdateLeadNotesUseCase, ChangeLeadStatusUseCase {

    private final LeadStore store;
    private final PhoneNumberParser phones;
    private final Clock clock;

    public LeadChangeService(LeadStore store, PhoneNumberParser phones, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.phones = Objects.requireNonNull(phones, "phones");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public LeadDetails updateContact(Caller caller, LeadId id, ContactUpdate update, Optional<Long> expectedVersion) {
        Violations violations = new Violations();
        FieldUpdate<List<Tag>> tags = FieldUpdate.keep();
        if (update.tags().isPresent()) {
            List<Tag> parsed = violations.collect(() -> Tags.parse(update.tags().applyTo(null), "tags"));
            tags = parsed == null ? FieldUpdate.keep() : FieldUpdate.set(parsed);
        }
        FieldUpdate<PhoneNumber> phone = FieldUpdate.keep();
        if (update.phone().isPresent()) {
            String raw = update.phone().applyTo(null);
            // An empty or blank phone removes it, as null does: CoachIntel's drawer clears the field that way.
            boolean none = raw == null || raw.isBlank();
            PhoneNumber parsed = none ? null : violations.collect(() -> phones.parse(raw, "phone"));
            phone = none ? FieldUpdate.clear() : parsed == null ? FieldUpdate.keep() : FieldUpdate.set(parsed);
        }
        violations.throwIfAny();
        FieldUpdate<List<Tag>> newTags = tags;
        FieldUpdate<PhoneNumber> newPhone = phone;
        return store.update(caller.orgId(), id, expectedVersion,
                lead -> lead.updateContact(newTags, newPhone, caller.email(), clock.instant())).lead();
    }

    @Override
    public LeadDetails updateNotes(Caller caller, LeadId id, String notes, Optional<Long> expectedVersion) {
        Optional<Notes> parsed = Notes.parse(notes, "notes");
        return store.update(caller.orgId(), id, expectedVersion,
                lead -> lead.updateNotes(parsed, caller.email(), clock.instant())).lead();
    }

    @Override
    public LeadDetails changeStatus(Caller caller, LeadId id, LeadStatus target, String reason,
            Optional<Long> expectedVersion) {
        Objects.requireNonNull(target, "target");
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > MAX_REASON_LENGTH) {
            throw ValidationException.of("reason", "must be at most " + MAX_REASON_LENGTH + " characters, got " + why.length());
        }
        if (why != null && TextInput.hasControlCharacter(why, false)) {
            throw ValidationException.of("reason", "must not contain control characters (such as NUL, tab or a line break)");
        }
        if (why != null && TextInput.hasUnpairedSurrogate(why)) {
            throw ValidationException.of("reason", TextInput.UNPAIRED_SURROGATE);
        }
        return store.update(caller.orgId(), id, expectedVersion,
                lead -> lead.changeStatus(target, why, caller.email(), clock.instant())).lead();
    }
}
