package com.coachintel.leads.domain.query;

import com.coachintel.leads.domain.LeadStatus;
import com.coachintel.leads.domain.Tag;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A filtered, paginated look at an org's leads, newest first ({@code created_at} desc, then id desc,
 * so pages are stable). Filters combine with AND.
 *
 * @param search   substring over email and names; empty for none
 * @param statuses leads in any of these statuses; empty for all
 * @param tags     leads carrying every one of these tags; empty for no tag filter
 * @param created  window on the creation time
 * @param page     the slice to return
 */
public record LeadQuery(Optional<SearchTerm> search, Set<LeadStatus> statuses, Set<Tag> tags, CreatedRange created,
        PageRequest page) {

    /** The most tags one query may require. */
    public static final int MAX_TAGS = 25;

    public LeadQuery {
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(page, "page");
        statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        tags = Set.copyOf(new LinkedHashSet<>(tags));
        if (tags.size() > MAX_TAGS) {
            throw com.coachintel.leads.domain.ValidationException.of("tag", "at most " + MAX_TAGS + " tags, got " + tags.size());
        }
    }

    /** Every lead of the org, first page. */
    public static LeadQuery all() {
        return new LeadQuery(Optional.empty(), Set.of(), Set.of(), new CreatedRange(null, null), PageRequest.first());
    }

    /** The same filters, another slice. */
    public LeadQuery withPage(PageRequest other) {
        return new LeadQuery(search, statuses, tags, created, other);
    }
}
