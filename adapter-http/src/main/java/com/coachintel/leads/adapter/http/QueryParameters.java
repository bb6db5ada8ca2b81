package com.coachintel.leads.adapter.http;

import com.coachintel.leads.domain.Violations;
import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
        return of(ctx.queryParamMap(), allowed, violations, "is not a parameter of this endpoint");
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

    /** A whole number in {@code [min, max]}, or {@code fallback} when absent. */
    int integer(String name, int fallback, int min, int max) {
        String value = single(name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
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
