package com.coachintel.leads.adapter.http;

import com.coachintel.leads.domain.Consent;
import com.coachintel.leads.domain.IsoInstants;
import com.coachintel.leads.domain.LeadDetails;
import com.coachintel.leads.domain.LeadListItem;
import com.coachintel.leads.domain.LeadStatus;
import com.coachintel.leads.domain.Tag;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A lead's fields on the wire ({@code LeadListItem} and {@code LeadDetail} in docs/openapi.yaml), written
 * field by field. Lists are the API's hottest responses: the bean serializer's reflective getters and a copy
 * of every lead into a JSON record were a visible part of each list request's CPU. The one place that says
 * what a lead looks like in JSON; the contract tests hold it to the OpenAPI schemas.
 */
final class LeadSerializers {

    private static final SerializedString ID = new SerializedString("id");
    private static final SerializedString CREATED_AT = new SerializedString("created_at");
    private static final SerializedString UPDATED_AT = new SerializedString("updated_at");
    private static final SerializedString STATUS = new SerializedString("status");
    private static final SerializedString FIRST_NAME = new SerializedString("first_name");
    private static final SerializedString LAST_NAME = new SerializedString("last_name");
    private static final SerializedString EMAIL = new SerializedString("email");
    private static final SerializedString PHONE = new SerializedString("phone");
    private static final SerializedString TAGS = new SerializedString("tags");
    private static final SerializedString SOURCE = new SerializedString("source");
    private static final SerializedString UTM_SOURCE = new SerializedString("utm_source");
    private static final SerializedString UTM_MEDIUM = new SerializedString("utm_medium");
    private static final SerializedString UTM_CAMPAIGN = new SerializedString("utm_campaign");
    private static final SerializedString LAST_CONTACTED_AT = new SerializedString("last_contacted_at");
    private static final SerializedString VERSION = new SerializedString("version");
    private static final SerializedString NOTES = new SerializedString("notes");
    private static final SerializedString NOTES_UPDATED_AT = new SerializedString("notes_updated_at");
    private static final SerializedString NOTES_UPDATED_BY = new SerializedString("notes_updated_by");
    private static final SerializedString CONSENT_EMAIL = new SerializedString("consent_email");
    private static final SerializedString CONSENT_SMS = new SerializedString("consent_sms");
    private static final SerializedString ALLOWED_NEXT = new SerializedString("allowed_next");
    private static final SerializedString CORRECTION_NEXT = new SerializedString("correction_next");

    private LeadSerializers() {
    }

    /** Registers both serializers. */
    static SimpleModule module() {
        return new SimpleModule("lead-serializers")
                .addSerializer(LeadListItem.class, new ListItemSerializer())
                .addSerializer(LeadDetails.class, new DetailSerializer());
    }

    /** The fields every lead has, in the order the contract lists them. */
    private static void writeLeadFields(LeadListItem lead, JsonGenerator json) throws IOException {
        json.writeFieldName(ID);
        json.writeString(lead.id().toString());
        instant(json, CREATED_AT, lead.createdAt());
        instant(json, UPDATED_AT, lead.updatedAt());
        json.writeFieldName(STATUS);
        json.writeString(lead.status().wireName());
        text(json, FIRST_NAME, lead.firstName());
        text(json, LAST_NAME, lead.lastName());
        text(json, EMAIL, lead.email());
        text(json, PHONE, lead.phone());
        json.writeFieldName(TAGS);
        json.writeStartArray();
        for (Tag tag : lead.tags()) {
            json.writeString(tag.value());
        }
        json.writeEndArray();
        text(json, SOURCE, lead.source());
        text(json, UTM_SOURCE, lead.utmSource());
        text(json, UTM_MEDIUM, lead.utmMedium());
        text(json, UTM_CAMPAIGN, lead.utmCampaign());
        instant(json, LAST_CONTACTED_AT, lead.lastContactedAt());
        json.writeFieldName(VERSION);
        json.writeNumber(lead.version());
    }

    /** {@code opted_in} for a granted consent in force, {@code opted_out} for a revoked one, {@code unknown} without. */
    static String flatConsent(Optional<Consent> consent) {
        return consent.map(c -> c.granted() ? "opted_in" : "opted_out").orElse("unknown");
    }

    /** Statuses in lifecycle order, as wire names. */
    private static void statuses(JsonGenerator json, SerializedString name, Set<LeadStatus> statuses) throws IOException {
        json.writeFieldName(name);
        json.writeStartArray();
        for (LeadStatus status : LeadStatus.values()) {
            if (statuses.contains(status)) {
                json.writeString(status.wireName());
            }
        }
        json.writeEndArray();
    }

    private static void text(JsonGenerator json, SerializedString name, String value) throws IOException {
        json.writeFieldName(name);
        if (value == null) {
            json.writeNull();
        } else {
            json.writeString(value);
        }
    }

    private static void instant(JsonGenerator json, SerializedString name, Instant value) throws IOException {
        text(json, name, value == null ? null : IsoInstants.format(value));
    }

    /** A lead in a list. */
    private static final class ListItemSerializer extends StdSerializer<LeadListItem> {

        ListItemSerializer() {
            super(LeadListItem.class);
        }

        @Override
        public void serialize(LeadListItem lead, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeStartObject(lead);
            writeLeadFields(lead, json);
            json.writeEndObject();
        }
    }

    /** One lead with notes, latest consent per channel (null where the ledger has none) and recent status changes. */
    private static final class DetailSerializer extends StdSerializer<LeadDetails> {

        DetailSerializer() {
            super(LeadDetails.class);
        }

        @Override
        public void serialize(LeadDetails details, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeStartObject(details);
            writeLeadFields(details.lead(), json);
            text(json, NOTES, details.notes());
            instant(json, NOTES_UPDATED_AT, details.notesUpdatedAt());
            text(json, NOTES_UPDATED_BY, details.notesUpdatedBy());
            provider.defaultSerializeField("consents", new LeadJson.Consents(LeadJson.ConsentJson.from(details.emailConsent()),
                    LeadJson.ConsentJson.from(details.smsConsent())), json);
            // CoachIntel's page reads the consent in force as one word per channel.
            text(json, CONSENT_EMAIL, flatConsent(details.emailConsent()));
            text(json, CONSENT_SMS, flatConsent(details.smsConsent()));
            provider.defaultSerializeField("recent_status_changes",
                    details.recentStatusChanges().stream().map(LeadJson.StatusChangeJson::from).toList(), json);
            // The moves a page may offer: plain ones, and corrections, which need a reason.
            LeadStatus status = details.lead().status();
            statuses(json, ALLOWED_NEXT, status.allowedNext());
            statuses(json, CORRECTION_NEXT, status.correctionsNext());
            json.writeEndObject();
        }
    }
}
