package com.coachintel.leads.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Parsing a whole set of tags: each normalised, duplicates dropped (first spelling wins), at most
 * {@value #MAX_TAGS}. The one place that limit is checked, for the tags a lead carries and for the tags a filter
 * requires alike (a filter asking for more than a lead may carry could never match).
 */
public final class Tags {

    /** The most tags a lead may carry, and so the most a filter may require. */
    public static final int MAX_TAGS = 25;

    private Tags() {
    }

    /**
     * A lead's tags from a JSON array, naming each bad one as {@code field[index]}.
     *
     * @throws ValidationException listing every bad tag, or the count when there are more than {@value #MAX_TAGS}
     */
    public static List<Tag> parse(List<String> raw, String field) {
        return List.copyOf(parse(raw, field, index -> field + "[" + index + "]"));
    }

    /**
     * A filter's tags from a repeated parameter, naming each bad one as {@code field} (a repeated query
     * parameter has no index).
     *
     * @throws ValidationException listing every bad tag, or the count when there are more than {@value #MAX_TAGS}
     */
    public static Set<Tag> parseRepeated(List<String> raw, String field) {
        return parse(raw, field, index -> field);
    }

    private static Set<Tag> parse(List<String> raw, String field, IntFunction<String> nameOfEach) {
        Violations violations = new Violations();
        Set<Tag> tags = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String value = raw.get(i);
            String name = nameOfEach.apply(i);
            if (value == null) {
                violations.add(name, "must be a string, got null");
                continue;
            }
            Tag tag = violations.collect(() -> Tag.parse(value, name));
            if (tag != null) {
                tags.add(tag);
            }
        }
        if (tags.size() > MAX_TAGS) {
            violations.add(field, "at most " + MAX_TAGS + " distinct tags, got " + tags.size());
        }
        violations.throwIfAny();
        return tags;
    }
}
