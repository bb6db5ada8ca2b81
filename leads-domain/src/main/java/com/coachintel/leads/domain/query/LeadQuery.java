package com.coachintel.leads.domain.query;

import com.coachintel.leads.domain.LeadStatus;
import com.coachintel.leads.domain.Tag;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A filtered, paginated look at an org's leads, newest first ({@code created_at} desc, then id desc,
 * so pages are stable).
 *
 * @param filters which leads
 * @param page    the slice to return
 */
public record LeadQuery(LeadFilters filters, PageRequest page) {

    /** The most tags one query may require. */
    public static final int MAX_TAGS = LeadFilters.MAX_TAGS;

    public LeadQuery {
        Objects.requireNonNull(filters, "filters");
        Objects.requireNonNull(page, "page");
    }

    /** A query from its parts; see {@link LeadFilters}. */
    public LeadQuery(Optional<SearchTerm> search, Set<LeadStatus> statuses, Set<Tag> tags, CreatedRange created,
            PageRequest page) {
        this(new LeadFilters(search, statuses, tags, created), page);
    }

    /** Every lead of the org, first page. */
    public static LeadQuery all() {
        return new LeadQuery(LeadFilters.none(), PageRequest.first());
    }

    /** The same filters, another slice. */
    public LeadQuery withPage(PageRequest other) {
        return new LeadQuery(filters, other);
    }

    public Optional<SearchTerm> search() {
        return filters.search();
    }

    public Set<LeadStatus> statuses() {
        return filters.statuses();
    }

    public Set<Tag> tags() {
        return filters.tags();
    }

    public CreatedRange created() {
        return filters.created();
    }
}
