package com.coachintel.leads.domain.query;

import java.util.List;
import java.util.function.Function;

/**
 * One slice of a result and the exact number of items in the whole result.
 *
 * @param items  the items of this slice, in the result's order
 * @param total  how many items the whole result has
 * @param limit  the limit asked for
 * @param offset the offset asked for
 */
public record Page<T>(List<T> items, long total, int limit, int offset) {

    public Page {
        items = List.copyOf(items);
    }

    /** The same page with each item mapped. */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), total, limit, offset);
    }
}
