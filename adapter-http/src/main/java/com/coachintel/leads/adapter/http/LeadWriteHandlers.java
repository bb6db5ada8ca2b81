package com.coachintel.leads.adapter.http;

import com.coachintel.leads.application.leads.ChangeLeadStatusUseCase;
import com.coachintel.leads.application.leads.ContactUpdate;
import com.coachintel.leads.application.leads.ListLeadHistoryUseCase;
import com.coachintel.leads.application.leads.UpdateLeadContactUseCase;
import com.coachintel.leads.application.leads.UpdateLeadNotesUseCase;
import com.coachintel.leads.domain.FieldUpdate;
import com.coachintel.leads.domain.LeadDetails;
import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.LeadStatus;
import com.coachintel.leads.domain.Violations;
import com.coachintel.leads.domain.query.PageRequest;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code PATCH /leads/{id}} (tags and phone), {@code PATCH /leads/{id}/notes}, {@code POST /leads/{id}/status}
 * and {@code GET /leads/{id}/history}. Writes honour If-Match and answer the lead with its new ETag.
 */
final class LeadWriteHandlers {

    private static final String STATUSES = Arrays.stream(LeadStatus.values()).map(LeadStatus::wireName)
            .collect(Collectors.joining(", "));

    private final UpdateLeadContactUseCase updateContact;
    private final UpdateLeadNotesUseCase updateNotes;
    private final ChangeLeadStatusUseCase changeStatus;
    private final ListLeadHistoryUseCase listHistory;

    LeadWriteHandlers(UpdateLeadContactUseCase updateContact, UpdateLeadNotesUseCase updateNotes,
            ChangeLeadStatusUseCase changeStatus, ListLeadHistoryUseCase listHistory) {
        this.updateContact = Objects.requireNonNull(updateContact, "updateContact");
        this.updateNotes = Objects.requireNonNull(updateNotes, "updateNotes");
        this.changeStatus = Objects.requireNonNull(changeStatus, "changeStatus");
        this.listHistory = Objects.requireNonNull(listHistory, "listHistory");
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
        respond(ctx, updateContact.updateContact(Authentication.caller(ctx), id, new ContactUpdate(tags, phone), expected));
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
        respond(ctx, updateNotes.updateNotes(Authentication.caller(ctx), id, notes.applyTo(null), expected));
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
        respond(ctx, changeStatus.changeStatus(Authentication.caller(ctx), id, status, reason.applyTo(null), expected));
    }

    void history(Context ctx) {
        Violations violations = new Violations();
        QueryParameters parameters = QueryParameters.of(ctx, QueryParameters.PAGE_PARAMETERS, violations);
        LeadId id = leadId(ctx, violations);
        PageRequest page = parameters.page();
        violations.throwIfAny();
        JsonResponses.send(ctx, LeadJson.PageJson.from(listHistory.listHistory(Authentication.caller(ctx), id, page),
                LeadJson.HistoryJson::from));
    }

    /** The lead after a write, with the ETag of its new version. */
    static void respond(Context ctx, LeadDetails details) {
        ctx.header("ETag", EntityTags.of(details.lead().version()));
        JsonResponses.send(ctx, details);
    }

    private static LeadId leadId(Context ctx, Violations violations) {
        return violations.collect(() -> LeadId.parse(ctx.pathParam("id"), "id"));
    }
}
