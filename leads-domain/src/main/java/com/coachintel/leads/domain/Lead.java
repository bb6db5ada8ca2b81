package com.coachintel.leads.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A lead as it is changed: the fields that coaches edit, its place in the lifecycle and its version.
 * Immutable; each change method returns a {@link LeadUpdate} holding the lead after the change and the
 * audit of what changed, or an unchanged update when nothing would change.
 */
public final class Lead {

    private final LeadId id;
    private final OrgId orgId;
    private final LeadStatus status;
    private final List<Tag> tags;
    private final PhoneNumber phone;
    private final String notes;
    private final Instant notesUpdatedAt;
    private final String notesUpdatedBy;
    private final Instant updatedAt;
    private final long version;

    private Lead(LeadId id, OrgId orgId, LeadStatus status, List<Tag> tags, PhoneNumber phone, String notes,
            Instant notesUpdatedAt, String notesUpdatedBy, Instant updatedAt, long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.orgId = Objects.requireNonNull(orgId, "orgId");
        this.status = Objects.requireNonNull(status, "status");
        this.tags = List.copyOf(tags);
        this.phone = phone;
        this.notes = notes;
        this.notesUpdatedAt = notesUpdatedAt;
        this.notesUpdatedBy = notesUpdatedBy;
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1, got " + version);
        }
        this.version = version;
    }

    /** Rebuilds a lead from storage. {@code phone}, {@code notes} and the notes' who and when may be null. */
    public static Lead restore(LeadId id, OrgId orgId, LeadStatus status, List<Tag> tags, PhoneNumber phone, String notes,
            Instant notesUpdatedAt, String notesUpdatedBy, Instant updatedAt, long version) {
        return new Lead(id, orgId, status, tags, phone, notes, notesUpdatedAt, notesUpdatedBy, updatedAt, version);
    }

    /**
     * Replaces the tags and/or the phone number; a field whose update is {@link FieldUpdate#keep()} stays.
     * Tags must be normalised already ({@link Tags#parse}).
     */
    public LeadUpdate updateContact(FieldUpdate<List<Tag>> newTags, FieldUpdate<PhoneNumber> newPhone, String by, Instant at) {
        List<Tag> tagsAfter = newTags.applyTo(tags);
        PhoneNumber phoneAfter = newPhone.applyTo(phone);
        List<FieldChange> changes = new ArrayList<>();
        if (!tagsAfter.equals(tags)) {
            changes.add(FieldChange.tags(tags, tagsAfter));
        }
        if (!Objects.equals(phoneAfter, phone)) {
            changes.add(FieldChange.phone(phone, phoneAfter));
        }
        Lead after = new Lead(id, orgId, status, tagsAfter, phoneAfter, notes, notesUpdatedAt, notesUpdatedBy, at, version + 1);
        return LeadUpdate.of(this, after, changes, Optional.empty(), by, at);
    }

    /** Replaces the notes (empty clears them), recording who and when. */
    public LeadUpdate updateNotes(Optional<Notes> newNotes, String by, Instant at) {
        String notesAfter = newNotes.map(Notes::text).orElse(null);
        if (Objects.equals(notesAfter, notes)) {
            return LeadUpdate.unchanged(this);
        }
        Lead after = new Lead(id, orgId, status, tags, phone, notesAfter, at, by, at, version + 1);
        return LeadUpdate.of(this, after, List.of(FieldChange.notes(notes, notesAfter)), Optional.empty(), by, at);
    }

    /**
     * Moves the lead in the lifecycle ({@link LeadStatus#move}); a correction of a conversion needs {@code reason}.
     * Asking for the status it has is no change.
     *
     * @throws InvalidStatusTransitionException when the lifecycle forbids the move, or a correction has no reason
     */
    public LeadUpdate changeStatus(LeadStatus target, String reason, String by, Instant at) {
        if (target == status) {
            return LeadUpdate.unchanged(this);
        }
        LeadStatus.Move move = status.move(target, reason);
        Lead after = new Lead(id, orgId, move.to(), tags, phone, notes, notesUpdatedAt, notesUpdatedBy, at, version + 1);
        return LeadUpdate.of(this, after, List.of(),
                Optional.of(new StatusChange(status, move.to(), by, at, reason, move.correction())), by, at);
    }

    public LeadId id() {
        return id;
    }

    public OrgId orgId() {
        return orgId;
    }

    public LeadStatus status() {
        return status;
    }

    public List<Tag> tags() {
        return tags;
    }

    /** The phone number, or null. */
    public PhoneNumber phone() {
        return phone;
    }

    /** The notes' text, or null. */
    public String notes() {
        return notes;
    }

    /** When the notes last changed, or null. */
    public Instant notesUpdatedAt() {
        return notesUpdatedAt;
    }

    /** Who last changed the notes, or null. */
    public String notesUpdatedBy() {
        return notesUpdatedBy;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** Increases by one with every change. */
    public long version() {
        return version;
    }

    /**
     * Checks the version a caller read (an {@code If-Match}) against this one; none given, any version will do.
     *
     * @throws VersionMismatchException when {@code expected} is another version
     */
    public void requireVersion(java.util.Optional<Long> expected) {
        if (expected.isPresent() && expected.get() != version) {
            throw new VersionMismatchException(id, version);
        }
    }
}
