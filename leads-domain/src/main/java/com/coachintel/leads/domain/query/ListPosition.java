package com.coachintel.leads.domain.query;

import com.coachintel.leads.domain.LeadId;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.UUID;

/**
 * A place in the list order ({@code created_at} desc, then id desc), just after a lead: the leads after it are those
 * created earlier, or at the same instant with a smaller id. A keyset position: a page from here costs what the first
 * page costs, however deep it is, and leads inserted or deleted elsewhere neither repeat nor skip any.
 *
 * @param createdAt the lead's creation time
 * @param id        the lead's id
 */
public record ListPosition(Instant createdAt, LeadId id) {

    /**
     * How ids break ties in the list order: byte by byte, unsigned, as a uuid column compares them
     * ({@link UUID#compareTo} compares signed halves, which orders some ids otherwise).
     */
    public static final Comparator<UUID> ID_ORDER = ListPosition::compareUnsigned;

    /** The list order on positions, first first: newest, then the greater id. */
    public static final Comparator<ListPosition> LIST_ORDER = Comparator.comparing(ListPosition::createdAt)
            .thenComparing(position -> position.id().value(), ID_ORDER).reversed();

    public ListPosition {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(id, "id");
    }

    /** Whether a lead at {@code other} comes after this position in the list order. */
    public boolean isBefore(ListPosition other) {
        return LIST_ORDER.compare(this, other) < 0;
    }

    private static int compareUnsigned(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
