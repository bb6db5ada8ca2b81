package com.coachintel.leads.inmemory;

import com.coachintel.leads.domain.Lead;
import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.LeadListItem;
import com.coachintel.leads.domain.LeadStatus;
import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.PhoneNumber;
import com.coachintel.leads.domain.Tag;
import com.coachintel.leads.domain.query.ListPosition;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** A lead row of the in-memory store: what PostgreSQL's {@code leads} table holds. Guarded by the store's lock. */
final class StoredLead {
    final LeadId id;
    final OrgId org;
    final Instant createdAt;
    final String email;
    Instant updatedAt;
    LeadStatus status;
    String firstName;
    String lastName;
    PhoneNumber phone;
    List<Tag> tags;
    String source;
    String utmSource;
    String utmMedium;
    String utmCampaign;
    String notes;
    Instant notesUpdatedAt;
    String notesUpdatedBy;
    Instant lastContactedAt;
    long version = 1;

    StoredLead(LeadId id, OrgId org, String email, Instant createdAt) {
        this.id = id;
        this.org = org;
        this.email = email;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    /** What {@code lead_search_text} in the schema computes. */
    String searchText() {
        return (email + "\n" + (firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName))
                .toLowerCase(Locale.ROOT);
    }

    /** Where the lead stands in the list order. */
    ListPosition position() {
        return new ListPosition(createdAt, id);
    }

    LeadListItem listItem() {
        return new LeadListItem(id, createdAt, updatedAt, status, firstName, lastName, email,
                phone == null ? null : phone.e164(), tags, source, utmSource, utmMedium, utmCampaign, lastContactedAt,
                version);
    }

    Lead asLead() {
        return Lead.restore(id, org, status, tags, phone, notes, notesUpdatedAt, notesUpdatedBy, updatedAt, version);
    }

    void apply(Lead after) {
        status = after.status();
        tags = after.tags();
        phone = after.phone();
        notes = after.notes();
        notesUpdatedAt = after.notesUpdatedAt();
        notesUpdatedBy = after.notesUpdatedBy();
        updatedAt = after.updatedAt();
        version = after.version();
    }
}
