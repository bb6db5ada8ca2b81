package com.coachintel.leads.adapter.http;

import com.coachintel.leads.application.leads.ChangeLeadStatusUseCase;
import com.coachintel.leads.application.leads.ContactUpdate;
import com.coachintel.leads.application.leads.UpdateLeadContactUseCase;
import com.coachintel.leads.application.leads.UpdateLeadNotesUseCase;
import com.coachintel.leads.domain.FieldUpdate;
import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.LeadStatus;
import com.coachintel.leads.domain.Violations;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code PATCH /leads/{id}} (tags and phone), {@code PATCH /leads/{id}/notes} and {@code POST /leads/{id}/status}.
 * Writes honour If-Match and answer the lead with its new ETag (history is a read: {@link LeadReadHandlers}).
 */
final class LeadWriteHandlers {

    private static final String STATUSES = Arrays.stream(LeadStatus.values()).map(LeadStatus::wireName)
            .collect(Collectors.joining(", "));

    private final UpdateLeadContactUseCase updateContact;
    private final UpdateLeadNotesUseCase updateNotes;
    private final ChangeLeadStatusUseCase changeStatus;

    LeadWriteHandlers(UpdateLeadContactUseCase updateContact, UpdateLeadNotesUseCase updateNotes,
            ChangeLeadStatusUseCase changeStatus) {
        this.updateContact = Objects.requireNonNull(updateContact, "updateContact");
        this.updateNotes = Objects.requireNonNull(updateNotes, "updateNotes");
        this.changeStatus = Objects.requireNonNull(changeStatus, "changeStatus");
    }

    void patchContact(Context ctx) {
        QueryParameters.requireNone(ctx);
        Violations violations = new Violations();
        LeadId id = leadId(ctx, violations);
        Optional<Long> expected = violations.collect(() -> EntityTags.expectedVersion(ctx));
        JsonBody body = JsonBody.read(ctx, Set.of("tags", "phone"), violations);
        FieldUpdate<List<String>> tags = body.stringList("tags");
        FieldUpdate<String> phone = body.optionalText("phone");
        violations.throwIfAny();
        LeadAnswers.detail(ctx, updateContact.updateContact(Authentication.caller(ctx), id, new ContactUpdate(tags, phone), expected));
    }

    void patchNotes(Context ctx) {
        QueryParameters.requireNone(ctx);
        Violations violations = new Violations();
        LeadId id = leadId(ctx, violations);
        Optional<Long> expected = violations.collect(() -> EntityTags.expectedVersion(ctx));
        JsonBody body = JsonBody.read(ctx, Set.of("notes"), violations);
        if (!body.has("notes")) {
            violations.add("notes", "is required (null or \"\" removes the notes)");
        }
        FieldUpdate<String> notes = body.optionalText("notes");
        violations.throwIfAny();
        LeadAnswers.detail(ctx, updateNotes.updateNotes(Authentication.caller(ctx), id, notes.applyTo(null), expected));
    }

    void postStatus(Context ctx) {
        QueryParameters.requireNone(ctx);
        Violations violations = new Violations();
        LeadId id = leadId(ctx, violations);
        Optional<Long> expected = violations.collect(() -> EntityTags.expectedVersion(ctx));
        JsonBody body = JsonBody.read(ctx, Set.of("status", "reason"), violations);
        String rawStatus = body.requiredText("status");
        LeadStatus status = null;
        if (rawStatus != null) {
            status = LeadStatus.fromWireName(rawStatus).orElse(null);
            if (status == null) {
                violations.add("status", "'" + QueryParameters.abbreviate(rawStatus) + "' is not one of " + STATUSES);
            }
        }
        FieldUpdate<String> reason = body.optionalText("reason");
        violations.throwIfAny();
        LeadAnswers.detail(ctx, changeStatus.changeStatus(Authentication.caller(ctx), id, status, reason.applyTo(null), expected));
    }

    private static LeadId leadId(Context ctx, Violations violations) {
        return violations.collect(() -> LeadId.parse(ctx.pathParam("id"), "id"));
    }
}
