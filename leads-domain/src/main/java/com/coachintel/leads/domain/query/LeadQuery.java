package com.coachintel.leads.domain.query;

import java.util.Objects;
import java.util.Optional;

/**
 * A filtered, paginated look at an org's leads, newest first ({@code created_at} desc, then id desc,
 * so pages are stable). A page starts at an offset, or just after a position ({@link ListPosition}, a keyset
 * cursor), never both.
 *
 * @param filters which leads
 * @param page    how many, and from which offset (0 when {@code after} is set)
 * @param after   when set, the page starts just after this position instead of at an offset
 */
public record LeadQuery(LeadFilters filters, PageRequest page, Optional<ListPosition> after) {

    public LeadQuery {
        Objects.requireNonNull(filters, "filters");
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(after, "after");
        if (after.isPresent() && page.offset() != 0) {
            throw new IllegalArgumentException("a page starts at an offset or after a position, not both");
        }
    }

    /** A page at an offset. */
    public LeadQuery(LeadFilters filters, PageRequest page) {
        this(filters, page, Optional.empty());
    }

    /** Every lead of the org, first page. */
    public static LeadQuery all() {
        return new LeadQuery(LeadFilters.none(), PageRequest.first());
    }

    /** The same filters, another slice at an offset. */
    public LeadQuery withPage(PageRequest other) {
        return new LeadQuery(filters, other, Optional.empty());
    }

    /** Other filters, the same slice. */
    public LeadQuery withFilters(LeadFilters other) {
        return new LeadQuery(other, page, after);
    }

    /** The same filters and limit, the page just after {@code position}. */
    public LeadQuery after(ListPosition position) {
        return new LeadQuery(filters, new PageRequest(page.limit(), 0), Optional.of(position));
    }
}
