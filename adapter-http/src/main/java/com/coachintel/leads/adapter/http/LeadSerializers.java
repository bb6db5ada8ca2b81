package com.coachintel.leads.adapter.http;

import com.coachintel.leads.domain.IsoInstants;
import com.coachintel.leads.domain.LeadListItem;
import com.coachintel.leads.domain.Tag;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;

/**
 * A lead in a list on the wire ({@code LeadListItem} in docs/openapi.yaml), written field by field: the API's one
 * hand-written serializer, kept because the list profile still shows it pays. A page is up to 500 leads, and the
 * bean serializer's reflective getters and a copy of every lead into a JSON record were a visible part of each
 * list request's CPU (docs/performance.md). A detail is one lead, so it is a plain record ({@link LeadJson.Detail}).
 * The contract tests hold both to the OpenAPI schemas.
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

    private LeadSerializers() {
    }

    /** Registers the serializer. */
    static SimpleModule module() {
        return new SimpleModule("lead-serializers").addSerializer(LeadListItem.class, new ListItemSerializer());
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
}
