package com.coachintel.leads.adapter.persistence;

import com.coachintel.leads.domain.LeadStatus;
import com.coachintel.leads.domain.Tag;
import com.coachintel.leads.domain.query.CreatedRange;
import com.coachintel.leads.domain.query.LeadFilters;
import com.coachintel.leads.domain.query.SearchTerm;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The one codec of a background export's filters, the {@code lead_exports.filters} jsonb:
 * {@code {"q": text, "statuses": [wire names], "tags": [tags], "created_from": timestamp, "created_before": timestamp}},
 * each key only when its criterion is set. Rows written before this codec have every key, with null or {@code []}
 * for an unset criterion, and timestamps in PostgreSQL's {@code 2026-01-01T00:00:00+00:00}; both read alike.
 *
 * <p>A key this version does not know is refused rather than skipped: skipping a criterion would export more
 * leads than were asked for.
 */
final class ExportFilterJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> KEYS = Set.of("q", "statuses", "tags", "created_from", "created_before");

    private ExportFilterJson() {
    }

    /** The filters as stored. */
    static String encode(LeadFilters filters) {
        ObjectNode json = MAPPER.createObjectNode();
        filters.visit(new LeadFilters.Visitor<Void>() {
            @Override
            public Void search(SearchTerm term) {
                json.put("q", term.text());
                return null;
            }

            @Override
            public Void statuses(Set<LeadStatus> any) {
                ArrayNode statuses = json.putArray("statuses");
                any.stream().map(LeadStatus::wireName).sorted().forEach(statuses::add);
                return null;
            }

            @Override
            public Void tags(Set<Tag> all) {
                ArrayNode tags = json.putArray("tags");
                all.stream().map(Tag::value).sorted().forEach(tags::add);
                return null;
            }

            @Override
            public Void created(CreatedRange window) {
                if (window.from() != null) {
                    json.put("created_from", window.from().toString());
                }
                if (window.toExclusive() != null) {
                    json.put("created_before", window.toExclusive().toString());
                }
                return null;
            }
        });
        return json.toString();
    }

    /** The filters a stored text says. */
    static LeadFilters decode(String stored) {
        JsonNode json;
        try {
            json = MAPPER.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored export filters are not JSON", e);
        }
        if (json == null || !json.isObject()) {
            throw new IllegalStateException("stored export filters are not a JSON object");
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                throw new IllegalStateException("stored export filters have an unknown criterion '" + name + "'");
            }
        }
        return LeadFilters.read(new LeadFilters.Reader() {
            @Override
            public Optional<SearchTerm> search() {
                return text(json, "q").map(SearchTerm::new);
            }

            @Override
            public Set<LeadStatus> statuses() {
                Set<LeadStatus> statuses = EnumSet.noneOf(LeadStatus.class);
                each(json, "statuses", value -> statuses.add(LeadStatus.fromWireName(value)
                        .orElseThrow(() -> new IllegalStateException("stored export filters name an unknown status"))));
                return statuses;
            }

            @Override
            public Set<Tag> tags() {
                Set<Tag> tags = new HashSet<>();
                each(json, "tags", value -> tags.add(new Tag(value)));
                return tags;
            }

            @Override
            public CreatedRange created() {
                return new CreatedRange(instant(json, "created_from"), instant(json, "created_before"));
            }
        });
    }

    private static Optional<String> text(JsonNode json, String key) {
        JsonNode value = json.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new IllegalStateException("stored export filter '" + key + "' is not a string");
        }
        return Optional.of(value.textValue());
    }

    private static void each(JsonNode json, String key, java.util.function.Consumer<String> add) {
        JsonNode values = json.get(key);
        if (values == null || values.isNull()) {
            return;
        }
        if (!values.isArray()) {
            throw new IllegalStateException("stored export filter '" + key + "' is not an array");
        }
        for (JsonNode value : values) {
            if (!value.isTextual()) {
                throw new IllegalStateException("stored export filter '" + key + "' holds a non-string");
            }
            add.accept(value.textValue());
        }
    }

    private static Instant instant(JsonNode json, String key) {
        Function<String, Instant> parse = text -> OffsetDateTime.parse(text).toInstant();
        return text(json, key).map(parse).orElse(null);
    }
}
