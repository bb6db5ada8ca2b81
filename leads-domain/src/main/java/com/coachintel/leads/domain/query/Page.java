package com.coachintel.leads.domain.query;

import java.util.List;
import java.util.function.Function;

/**
 * One slice of a result and the exact number of items in the whole result.
 *
 * @param items   the items of this slice, in the result's order
 * @param total   how many items the whole result has
 * @param limit   the limit asked for
 * @param offset  the offset asked for (0 for a page after a {@link ListPosition})
 * @param hasMore whether items follow this slice
 */
public record Page<T>(List<T> items, long total, int limit, int offset, boolean hasMore) {

    public Page {
        items = List.copyOf(items);
    }

    /** A slice at an offset: items follow it when it ends before the total. */
    public Page(List<T> items, long total, int limit, int offset) {
        this(items, total, limit, offset, (long) offset + items.size() < total);
    }

    /**
     * A slice after a {@link ListPosition}, from rows read one more than {@code limit}: the extra row, if there is
     * one, only says that items follow, and is left out.
     */
    public static <T> Page<T> fromOneMoreThan(List<T> rows, long total, int limit) {
        boolean more = rows.size() > limit;
        return new Page<>(more ? rows.subList(0, limit) : rows, total, limit, 0, more);
    }

    /** The same page with each item mapped. */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), total, limit, offset, hasMore);
    }
}
