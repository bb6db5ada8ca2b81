package com.coachintel.leads.adapter.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.coachintel.leads.domain.ValidationException;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Request bodies bound to records through the API's one {@link JsonMapping#MAPPER}. JSON media types only (415
 * otherwise); an object at the top; and every refusal of the mapper becomes a 400 naming the property as the
 * caller spelled it ({@code consents.email.status}, {@code tags[1]}): an unknown property, a value of the wrong
 * type, a duplicate property, malformed JSON. An empty body reads as an empty object.
 */
final class JsonRequests {

    private JsonRequests() {
    }

    static <T> T read(Context ctx, byte[] body, Class<T> type) {
        JsonBody.requireUtf8(ctx);
        JsonNode tree;
        if (isBlank(body)) {
            tree = JsonMapping.MAPPER.createObjectNode();
        } else {
            JsonBody.requireJsonContentType(ctx);
            try {
                tree = JsonMapping.MAPPER.readTree(body);
            } catch (JsonProcessingException e) {
                throw JsonRequests.notValidJson(e);
            } catch (IOException e) {
                throw ValidationException.of("body", "could not be read: " + e.getMessage());
            }
        }
        if (!(tree instanceof ObjectNode)) {
            throw ValidationException.of("body", "must be a JSON object");
        }
        try {
            return JsonMapping.MAPPER.treeToValue(tree, type);
        } catch (UnrecognizedPropertyException e) {
            throw ValidationException.of(path(e), "is not a property of this request; accepted: " + accepted(e.getKnownPropertyIds()));
        } catch (MismatchedInputException e) {
            throw ValidationException.of(path(e), "must be " + expected(e.getTargetType()) + ", got " + found(e));
        } catch (JsonProcessingException e) {
            throw ValidationException.of(e instanceof JsonMappingException mapping ? path(mapping) : "body",
                    "is not accepted: " + e.getOriginalMessage());
        }
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    /** The property's path as the caller wrote it: names joined by dots, array indexes in brackets. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String accepted(Collection<Object> known) {
        return known.stream().map(String::valueOf).collect(Collectors.toCollection(TreeSet::new)).stream()
                .collect(Collectors.joining(", "));
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "another type";
    }

    private static String found(MismatchedInputException e) {
        JsonToken token = e.getProcessor() instanceof JsonParser parser ? parser.currentToken() : null;
        if (token == null) {
            return "something else";
        }
        return switch (token) {
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case START_ARRAY, END_ARRAY -> "an array";
            case START_OBJECT, END_OBJECT, FIELD_NAME -> "an object";
            case VALUE_NULL -> "null";
            default -> "something else";
        };
    }

    /**
     * Malformed JSON as a violation: a property given twice is named (which of the two would count differs from
     * parser to parser), anything else is about the body.
     */
    static ValidationException notValidJson(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        java.util.regex.Matcher duplicate = java.util.regex.Pattern.compile("^Duplicate field '([^']{1,100})'").matcher(message);
        if (duplicate.find()) {
            return ValidationException.of(duplicate.group(1), "is given more than once; send each property once");
        }
        return ValidationException.of("body", "is not valid JSON: " + message);
    }
}
