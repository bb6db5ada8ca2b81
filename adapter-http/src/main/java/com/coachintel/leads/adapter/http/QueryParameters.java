package com.coachintel.leads.adapter.http;

import com.coachintel.leads.domain.Violations;
import com.coachintel.leads.domain.query.PageRequest;
import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Strict reading of a query string: unknown parameters are errors (a typo such as {@code stauts} must
 * not silently return everything), single-valued parameters may appear once, and every problem is
 * recorded in {@link Violations} under the parameter's name.
 */
final class QueryParameters {

    private final Map<String, List<String>> values;
    private final Violations violations;

    private QueryParameters(Map<String, List<String>> values, Violations violations) {
        this.values = values;
        this.violations = violations;
    }

    /** Reads the request's query string, recording each parameter not in {@code allowed}. */
    static QueryParameters of(Context ctx, Set<String> allowed, Violations violations) {
        return of(decode(ctx.queryString(), violations), allowed, violations, "is not a parameter of this endpoint");
    }

    /** For an endpoint that takes no query parameter: any is a 400 naming it (a typo must not pass unnoticed). */
    static void requireNone(Context ctx) {
        Violations violations = new Violations();
        of(ctx, Set.of(), violations);
        violations.throwIfAny();
    }

    /**
     * The query string decoded strictly, where Javalin (like most servers) is lenient: a broken percent-escape such as
     * {@code %zz} or a lone {@code %}, and bytes that are not UTF-8 once decoded ({@code %C3%28}, {@code %FF}), are
     * violations naming the parameter, never a value quietly altered or dropped. {@code +} is a space.
     */
    static Map<String, List<String>> decode(String query, Violations violations) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return values;
        }
        for (String pair : query.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String rawValue = equals < 0 ? "" : pair.substring(equals + 1);
            String name = decodeComponent(rawName);
            String field = name == null ? abbreviate(rawName) : name;
            if (name == null) {
                violations.add(field, "is not a valid query parameter name: " + problemWith(rawName));
                continue;
            }
            String value = decodeComponent(rawValue);
            if (value == null) {
                violations.add(field, problemWith(rawValue) + ", in '" + abbreviate(rawValue) + "'");
                continue;
            }
            values.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return values;
    }

    private static String problemWith(String raw) {
        return malformedEscape(raw) ? "has a malformed percent-escape (a '%' must be followed by two hex digits; send"
                + " '%' itself as %25)" : "is not valid UTF-8 once percent-decoded";
    }

    private static boolean malformedEscape(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) == '%' && (i + 2 >= raw.length() || hexDigit(raw.charAt(i + 1)) < 0
                    || hexDigit(raw.charAt(i + 2)) < 0)) {
                return true;
            }
        }
        return false;
    }

    /** One percent-encoded component; null when an escape is malformed or the bytes are not UTF-8. */
    private static String decodeComponent(String raw) {
        if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) {
            return raw;
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int high = hexDigit(raw.charAt(i + 1));
                int low = hexDigit(raw.charAt(i + 2));
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                // A whole code point: a surrogate pair encoded half by half would turn into two '?'.
                int codePoint = raw.codePointAt(i);
                byte[] literal = Character.toString(codePoint).getBytes(StandardCharsets.UTF_8);
                bytes.write(literal, 0, literal.length);
                i += Character.charCount(codePoint) - 1;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** An ASCII hex digit's value; -1 for anything else (Character.digit also takes fullwidth digits). */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /**
     * Reads named values from anywhere (a query string, a JSON body turned into lists of strings), recording
     * each name not in {@code allowed} with {@code unknownMessage}.
     */
    static QueryParameters of(Map<String, List<String>> values, Set<String> allowed, Violations violations,
            String unknownMessage) {
        for (String name : new TreeSet<>(values.keySet())) {
            if (!allowed.contains(name)) {
                violations.add(name, unknownMessage + "; accepted: " + String.join(", ", new TreeSet<>(allowed)));
            }
        }
        return new QueryParameters(values, violations);
    }

    /** The value of a parameter that may appear once; null when absent. */
    String single(String name) {
        List<String> given = values.getOrDefault(name, List.of());
        if (given.size() > 1) {
            violations.add(name, "may be given once, got " + given.size() + " values");
            return null;
        }
        return given.isEmpty() ? null : given.get(0);
    }

    /**
     * Every value of a repeatable parameter, each split at commas and trimmed; empty values (as a form
     * with nothing selected sends them) are dropped.
     */
    List<String> list(String name, boolean commaSeparated) {
        List<String> result = new ArrayList<>();
        for (String value : values.getOrDefault(name, List.of())) {
            for (String part : commaSeparated ? value.split(",", -1) : new String[] {value}) {
                String trimmed = part.strip();
                if (!trimmed.isEmpty()) {
                    result.add(trimmed);
                }
            }
        }
        return result;
    }

    /**
     * Every value of a repeatable, comma-separable parameter read as one of an enum's wire names; each unknown one
     * is recorded, listing the accepted names.
     */
    <E extends Enum<E>> Set<E> enumValues(String name, Class<E> type, Function<String, Optional<E>> parse,
            Function<E, String> wireName) {
        Set<E> result = EnumSet.noneOf(type);
        for (String value : list(name, true)) {
            Optional<E> parsed = parse.apply(value);
            if (parsed.isPresent()) {
                result.add(parsed.get());
            } else {
                String accepted = Arrays.stream(type.getEnumConstants()).map(wireName).collect(Collectors.joining(", "));
                violations.add(name, "'" + abbreviate(value) + "' is not one of " + accepted);
            }
        }
        return result;
    }

    /** The names {@link #page()} reads. */
    static final Set<String> PAGE_PARAMETERS = Set.of("limit", "offset");

    /**
     * {@code limit} (1 to {@link PageRequest#MAX_LIMIT}, default {@link PageRequest#DEFAULT_LIMIT}) and {@code offset}
     * (0 or more): the one reading of a page, for every list.
     */
    PageRequest page() {
        int limit = integer("limit", PageRequest.DEFAULT_LIMIT, 1, PageRequest.MAX_LIMIT);
        int offset = integer("offset", 0, 0, Integer.MAX_VALUE);
        return new PageRequest(limit, offset);
    }

    /** A whole number in {@code [min, max]}, or {@code fallback} when absent. */
    int integer(String name, int fallback, int min, int max) {
        String value = single(name);
        if (value == null) {
            return fallback;
        }
        String digits = value.strip();
        // ASCII digits only: Integer.parseInt also reads Arabic-Indic and fullwidth digits.
        if (digits.matches("-?[0-9]{1,10}")) {
            try {
                int parsed = Integer.parseInt(digits);
                if (parsed >= min && parsed <= max) {
                    return parsed;
                }
            } catch (NumberFormatException ignored) {
                // beyond int: reported below
            }
        }
        violations.add(name, "must be a whole number from " + min + " to " + max + ", got '" + abbreviate(value) + "'");
        return fallback;
    }

    /**
     * The start of a creation window: {@code YYYY-MM-DD} (that day's start, UTC) or an ISO-8601 date-time
     * with offset. Null when absent or empty.
     */
    Instant windowStart(String name) {
        return instant(name, false);
    }

    /**
     * The exclusive end of a creation window for an inclusive {@code date_to}: {@code YYYY-MM-DD} means
     * the whole day (UTC), so the next day's start; a date-time means that instant, so one microsecond
     * (PostgreSQL's precision) later. Null when absent or empty.
     */
    Instant windowEndExclusive(String name) {
        return instant(name, true);
    }

    private Instant instant(String name, boolean endOfWindow) {
        String value = single(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            if (text.length() == 10) {
                LocalDate date = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
                checkYear(date.getYear());
                return (endOfWindow ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            OffsetDateTime dateTime = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            checkYear(dateTime.getYear());
            Instant instant = dateTime.toInstant().truncatedTo(ChronoUnit.MICROS);
            return endOfWindow ? instant.plus(1, ChronoUnit.MICROS) : instant;
        } catch (DateTimeException e) {
            String hint = text.contains(" ") ? " (a '+' in a query string must be sent as %2B)" : "";
            violations.add(name, "must be a date (YYYY-MM-DD) or an ISO-8601 date-time with offset such as "
                    + "2026-01-31T09:00:00Z, got '" + abbreviate(value) + "'" + hint);
            return null;
        }
    }

    private static void checkYear(int year) {
        if (year < 1 || year > 9999) {
            throw new DateTimeException("year out of range");
        }
    }

    static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }
}
