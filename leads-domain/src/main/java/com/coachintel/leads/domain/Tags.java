package com.coachintel.leads.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Parsing a lead's whole set of tags: each normalised, duplicates dropped (first spelling wins), at most 25. */
public final class Tags {

    /** The most tags a lead may carry. */
    public static final int MAX_TAGS = 25;

    private Tags() {
    }

    /**
     * Parses every tag, naming each bad one as {@code field[index]}.
     *
     * @throws ValidationException listing every bad tag, or the count when there are more than 25
     */
    public static List<Tag> parse(List<String> raw, String field) {
        Violations violations = new Violations();
        Set<Tag> tags = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String value = raw.get(i);
            String name = field + "[" + i + "]";
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
        return List.copyOf(new ArrayList<>(tags));
    }
}
