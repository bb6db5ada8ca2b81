package com.coachintel.leads.adapter.http;

import com.coachintel.leads.domain.LeadStatus;
import com.coachintel.leads.domain.Tag;
import com.coachintel.leads.domain.Tags;
import com.coachintel.leads.domain.Violations;
import com.coachintel.leads.domain.query.CreatedRange;
import com.coachintel.leads.domain.query.LeadFilters;
import com.coachintel.leads.domain.query.SearchTerm;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The lead filters as the API spells them ({@code q}, {@code status}, {@code tag}, {@code date_from},
 * {@code date_to}), read from query parameters or an export request's body, for the list and the exports alike.
 * Every bad parameter is recorded under its own name; the domain never names a parameter.
 */
final class FilterParameters implements LeadFilters.Reader {

    static final String SEARCH = "q";
    static final String STATUS = "status";
    static final String TAG = "tag";
    static final String DATE_FROM = "date_from";
    static final String DATE_TO = "date_to";
    /** The names {@link #read} reads. */
    static final Set<String> NAMES = Set.of(SEARCH, STATUS, TAG, DATE_FROM, DATE_TO);

    private final QueryParameters parameters;
    private final Violations violations;

    private FilterParameters(QueryParameters parameters, Violations violations) {
        this.parameters = parameters;
        this.violations = violations;
    }

    /** The filters; when a parameter is bad, {@code violations} says so and the answer is not to be used. */
    static LeadFilters read(QueryParameters parameters, Violations violations) {
        return LeadFilters.read(new FilterParameters(parameters, violations));
    }

    @Override
    public Optional<SearchTerm> search() {
        return Objects.requireNonNullElse(violations.collect(() -> SearchTerm.parse(parameters.single(SEARCH), SEARCH)),
                Optional.empty());
    }

    @Override
    public Set<LeadStatus> statuses() {
        return parameters.enumValues(STATUS, LeadStatus.class, LeadStatus::fromWireName, LeadStatus::wireName);
    }

    @Override
    public Set<Tag> tags() {
        List<String> raw = parameters.list(TAG, false);
        return Objects.requireNonNullElse(violations.collect(() -> Tags.parseRepeated(raw, TAG)), Set.of());
    }

    @Override
    public CreatedRange created() {
        Instant from = parameters.windowStart(DATE_FROM);
        Instant toExclusive = parameters.windowEndExclusive(DATE_TO);
        if (!CreatedRange.canHold(from, toExclusive)) {
            violations.add(DATE_FROM, "must not be after " + DATE_TO);
            violations.add(DATE_TO, "must not be before " + DATE_FROM);
            return CreatedRange.ALWAYS;
        }
        return new CreatedRange(from, toExclusive);
    }
}
