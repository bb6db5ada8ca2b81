package com.coachintel.leads.adapter.persistence;

import java.time.Instant;
import java.util.Comparator;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The order the detail and events statements read rows in ({@code ORDER BY at DESC, id DESC}), applied in Java
 * because those statements leave out the outer ORDER BY (see {@link JdbiLeadDetail}).
 */
final class NewestFirst {

    private NewestFirst() {
    }

    static <T> Comparator<T> by(Function<T, Instant> at, ToLongFunction<T> id) {
        return Comparator.comparing(at).reversed().thenComparing(Comparator.comparingLong(id).reversed());
    }
}
