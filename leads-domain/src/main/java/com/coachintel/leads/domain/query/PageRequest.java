package com.coachintel.leads.domain.query;

/**
 * Which slice of a result to return: {@code limit} items (1 to 500) starting at {@code offset} (0 or more). An
 * adapter checks its input against {@link #MAX_LIMIT} first and names the offending field in its own terms; here
 * a bad value is a programming error.
 */
public record PageRequest(int limit, int offset) {

    /** The limit when the caller gives none. */
    public static final int DEFAULT_LIMIT = 50;
    /** The largest limit accepted. */
    public static final int MAX_LIMIT = 500;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("a limit must be from 1 to " + MAX_LIMIT + ", got " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("an offset must be 0 or more, got " + offset);
        }
    }

    /** The first page with the default limit. */
    public static PageRequest first() {
        return new PageRequest(DEFAULT_LIMIT, 0);
    }
}
