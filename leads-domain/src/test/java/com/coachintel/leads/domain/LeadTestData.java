package com.coachintel.leads.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Builds leads for tests: {@code LeadTestData.aLead().withStatus(INVITED).build()}. */
public final class LeadTestData {

    private LeadStatus status = LeadStatus.WAITLIST;
    private List<Tag> tags = new ArrayList<>();
    private PhoneNumber phone;
    private String notes;
    private long version = 1;

    public static LeadTestData aLead() {
        return new LeadTestData();
    }

    public LeadTestData withStatus(LeadStatus value) {
        status = value;
        return this;
    }

    public LeadTestData withTags(String... values) {
        tags = java.util.Arrays.stream(values).map(Tag::new).toList();
        return this;
    }

    public LeadTestData withPhone(String e164) {
        phone = new PhoneNumber(e164);
        return this;
    }

    public LeadTestData withNotes(String value) {
        notes = value;
        return this;
    }

    public LeadTestData atVersion(long value) {
        version = value;
        return this;
    }

    public Lead build() {
        return Lead.restore(new LeadId(UUID.randomUUID()), new OrgId(UUID.randomUUID()), status, tags, phone, notes,
                null, null, Instant.parse("2026-01-01T00:00:00Z"), version);
    }
}
