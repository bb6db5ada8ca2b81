package com.coachintel.leads.domain.query;

import com.coachintel.leads.domain.LeadStatus;
import com.coachintel.leads.domain.Tag;
import com.coachintel.leads.domain.ValidationException;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which of an org's leads a list or an export is about. Filters combine with AND.
 *
 * @param search   substring over email and names; empty for none
 * @param statuses leads in any of these statuses; empty for all
 * @param tags     leads carrying every one of these tags (at most 25); empty for no tag filter
 * @param created  window on the creation time
 */
public record LeadFilters(Optional<SearchTerm> search, Set<LeadStatus> statuses, Set<Tag> tags, CreatedRange created) {

    /** The most tags one filter may require. */
    public static final int MAX_TAGS = 25;

    public LeadFilters {
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(created, "created");
        statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        tags = Set.copyOf(new LinkedHashSet<>(tags));
        if (tags.size() > MAX_TAGS) {
            throw ValidationException.of("tag", "at most " + MAX_TAGS + " tags, got " + tags.size());
        }
    }

    /** No filter: every lead of the org. */
    public static LeadFilters none() {
        return new LeadFilters(Optional.empty(), Set.of(), Set.of(), new CreatedRange(null, null));
    }
}
