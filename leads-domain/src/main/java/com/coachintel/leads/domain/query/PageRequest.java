package com.coachintel.leads.domain.query;

import com.coachintel.leads.domain.ValidationException;

/**
 * Which slice of a result to return: {@code limit} items (1 to 500) starting at {@code offset} (0 or more).
 */
public record PageRequest(int limit, int offset) {

    /** The limit when the caller gives none. */
    public static final int DEFAULT_LIMIT = 50;
    /** The largest limit accepted. */
    public static final int MAX_LIMIT = 500;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ValidationException.of("limit", "must be a whole number from 1 to " + MAX_LIMIT + ", got " + limit);
        }
        if (offset < 0) {
            throw ValidationException.of("offset", "must be a whole number of 0 or more, got " + offset);
        }
    }

    /** The first page with the default limit. */
    public static PageRequest first() {
        return new PageRequest(DEFAULT_LIMIT, 0);
    }
}
