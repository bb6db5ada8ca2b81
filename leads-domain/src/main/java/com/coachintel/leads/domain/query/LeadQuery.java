package com.coachintel.leads.domain.query;

import java.util.Objects;

/**
 * A filtered, paginated look at an org's leads, newest first ({@code created_at} desc, then id desc,
 * so pages are stable).
 *
 * @param filters which leads
 * @param page    the slice to return
 */
public record LeadQuery(LeadFilters filters, PageRequest page) {

    public LeadQuery {
        Objects.requireNonNull(filters, "filters");
        Objects.requireNonNull(page, "page");
    }

    /** Every lead of the org, first page. */
    public static LeadQuery all() {
        return new LeadQuery(LeadFilters.none(), PageRequest.first());
    }

    /** The same filters, another slice. */
    public LeadQuery withPage(PageRequest other) {
        return new LeadQuery(filters, other);
    }

    /** Other filters, the same slice. */
    public LeadQuery withFilters(LeadFilters other) {
        return new LeadQuery(other, page);
    }
}
