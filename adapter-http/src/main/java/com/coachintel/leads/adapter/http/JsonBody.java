package com.coachintel.leads.adapter.http;

import com.coachintel.leads.domain.FieldUpdate;
import com.coachintel.leads.domain.ValidationException;
import com.coachintel.leads.domain.Violations;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.UnsupportedMediaTypeResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A JSON object request body, read strictly: JSON media types only (415 otherwise), an object at the
 * top, no property the endpoint does not know (each named), and typed access that names the property
 * whose value has the wrong type. An empty body is an empty object.
 */
final class JsonBody {

    // The API's one mapper: duplicate properties and content after the document are refused as everywhere.
    private static final ObjectMapper MAPPER = JsonMapping.MAPPER;

    private final ObjectNode object;
    private final Violations violations;

    private JsonBody(ObjectNode object, Violations violations) {
        this.object = object;
        this.violations = violations;
    }

    /** Reads the body without checking property names (the caller checks them its own way). */
    static JsonBody readAny(Context ctx, Violations violations) {
        return read(ctx, null, violations);
    }

    static JsonBody read(Context ctx, Set<String> allowed, Violations violations) {
        requireUtf8(ctx);
        // Decoded here as UTF-8, the one charset accepted, rather than by ctx.body(), which throws on an unknown one.
        String body = new String(ctx.bodyAsBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (body.isBlank()) {
            return new JsonBody(MAPPER.createObjectNode(), violations);
        }
        requireJsonContentType(ctx);
        JsonNode tree;
        try {
            tree = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw JsonRequests.notValidJson(e);
        }
        if (!(tree instanceof ObjectNode object)) {
            throw ValidationException.of("body", "must be a JSON object");
        }
        for (Iterator<String> names = object.fieldNames(); allowed != null && names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                violations.add(name, "is not a property of this request; accepted: " + String.join(", ", new TreeSet<>(allowed)));
            }
        }
        return new JsonBody(object, violations);
    }

    /** A body may name no charset or UTF-8, the one JSON has (RFC 8259); any other is a 415 naming it. */
    static void requireUtf8(Context ctx) {
        String contentType = ctx.header("Content-Type"); // raw: Javalin's contentType() throws on an unknown charset
        if (contentType == null) {
            return;
        }
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.strip().split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
                String charset = pair[1].strip().replace("\"", "");
                if (!charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
                    throw new UnsupportedMediaTypeResponse("The body must be UTF-8 JSON; charset '"
                            + QueryParameters.abbreviate(charset) + "' is not accepted");
                }
            }
        }
    }

    static void requireJsonContentType(Context ctx) {
        String contentType = ctx.header("Content-Type"); // raw: Javalin's contentType() throws on an unknown charset
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json") && !mediaType.equals("application/merge-patch+json")) {
            throw new UnsupportedMediaTypeResponse("The body must be application/json or application/merge-patch+json, got "
                    + (contentType == null ? "no Content-Type" : "'" + contentType + "'"));
        }
    }

    /**
     * The body's properties as lists of strings, the way a query string carries them: a string is one value, null
     * none, and for the {@code repeatable} properties an array of strings several; any other type (an array for a
     * single-valued property included) is recorded as a violation.
     */
    java.util.Map<String, List<String>> asParameters(Set<String> repeatable) {
        java.util.Map<String, List<String>> parameters = new java.util.LinkedHashMap<>();
        object.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (value.isNull()) {
                return;
            }
            if (value.isTextual()) {
                parameters.put(field.getKey(), List.of(value.textValue()));
            } else if (value.isArray() && !repeatable.contains(field.getKey())) {
                violations.add(field.getKey(), "must be a string, got an array (only "
                        + String.join(" and ", new TreeSet<>(repeatable)) + " take several values)");
            } else if (value.isArray()) {
                List<String> values = new ArrayList<>();
                for (int i = 0; i < value.size(); i++) {
                    if (value.get(i).isTextual()) {
                        values.add(value.get(i).textValue());
                    } else {
                        violations.add(field.getKey() + "[" + i + "]", "must be a string, got " + describe(value.get(i)));
                    }
                }
                parameters.put(field.getKey(), values);
            } else {
                violations.add(field.getKey(), "must be a string or an array of strings, got " + describe(value));
            }
        });
        return parameters;
    }

    boolean has(String name) {
        return object.has(name);
    }

    /** keep when absent, clear when null, set when a string; anything else is recorded as a violation. */
    FieldUpdate<String> optionalText(String name) {
        if (!object.has(name)) {
            return FieldUpdate.keep();
        }
        JsonNode value = object.get(name);
        if (value.isNull()) {
            return FieldUpdate.clear();
        }
        if (!value.isTextual()) {
            violations.add(name, "must be a string or null, got " + describe(value));
            return FieldUpdate.keep();
        }
        return FieldUpdate.set(value.textValue());
    }

    /** A string the request must carry. */
    String requiredText(String name) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            violations.add(name, "is required");
            return null;
        }
        if (!value.isTextual()) {
            violations.add(name, "must be a string, got " + describe(value));
            return null;
        }
        return value.textValue();
    }

    /** keep when absent, set when an array of strings; null and other types are recorded as violations. */
    FieldUpdate<List<String>> stringList(String name) {
        if (!object.has(name)) {
            return FieldUpdate.keep();
        }
        JsonNode value = object.get(name);
        if (!value.isArray()) {
            violations.add(name, "must be an array of strings" + (value.isNull() ? " ([] removes them all)" : "")
                    + ", got " + describe(value));
            return FieldUpdate.keep();
        }
        List<String> items = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (item.isTextual()) {
                items.add(item.textValue());
            } else {
                violations.add(name + "[" + i + "]", "must be a string, got " + describe(item));
                ok = false;
            }
        }
        return ok ? FieldUpdate.set(items) : FieldUpdate.keep();
    }

    private static String describe(JsonNode value) {
        return switch (value.getNodeType()) {
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case STRING -> "a string";
            default -> value.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}
