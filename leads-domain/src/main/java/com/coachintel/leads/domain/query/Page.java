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

    /** The same page with each item mapped. */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), total, limit, offset, hasMore);
    }
}
