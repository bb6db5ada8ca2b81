package com.coachintel.leads.domain.query;

import com.coachintel.leads.domain.LeadStatus;
import com.coachintel.leads.domain.Tag;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which of an org's leads a list or an export is about: a set of criteria that combine with AND. Built by name,
 * starting from {@link #none()}: {@code LeadFilters.none().withStatuses(Set.of(LeadStatus.INVITED))}.
 *
 * <p>Code that turns filters into something else (SQL, a stored form, a fast-path decision) implements
 * {@link Visitor}; code that turns something else into filters (query parameters, a stored form) implements
 * {@link Reader}. Each has one method per criterion and no defaults, so a new criterion is a compile error in
 * every such place until it handles it: a filter cannot be dropped silently. {@code docs/architecture.md} walks
 * through adding one.
 */
public final class LeadFilters {

    private static final LeadFilters NONE = new LeadFilters(Optional.empty(), Set.of(), Set.of(), CreatedRange.ALWAYS);

    private final Optional<SearchTerm> search;
    private final Set<LeadStatus> statuses;
    private final Set<Tag> tags;
    private final CreatedRange created;

    private LeadFilters(Optional<SearchTerm> search, Set<LeadStatus> statuses, Set<Tag> tags, CreatedRange created) {
        this.search = Objects.requireNonNull(search, "search");
        this.statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        this.tags = Set.copyOf(new LinkedHashSet<>(tags));
        this.created = Objects.requireNonNull(created, "created");
    }

    /** No filter: every lead of the org. */
    public static LeadFilters none() {
        return NONE;
    }

    /** Filters read criterion by criterion; see {@link Reader}. */
    public static LeadFilters read(Reader reader) {
        return new LeadFilters(reader.search(), reader.statuses(), reader.tags(), reader.created());
    }

    /** These filters, and the lead's email or names contain {@code term} ({@link SearchTerm}); empty for none. */
    public LeadFilters withSearch(Optional<SearchTerm> term) {
        return new LeadFilters(term, statuses, tags, created);
    }

    /** These filters, and the lead is in one of {@code any}; empty for any status. */
    public LeadFilters withStatuses(Set<LeadStatus> any) {
        return new LeadFilters(search, any, tags, created);
    }

    /** These filters, and the lead carries every one of {@code all}; empty for no tag filter. */
    public LeadFilters withTags(Set<Tag> all) {
        return new LeadFilters(search, statuses, all, created);
    }

    /** These filters, and the lead was created within {@code window}; {@link CreatedRange#ALWAYS} for any time. */
    public LeadFilters withCreated(CreatedRange window) {
        return new LeadFilters(search, statuses, tags, window);
    }

    /** The substring looked for, if any. */
    public Optional<SearchTerm> search() {
        return search;
    }

    /** The statuses a lead may be in; empty for all. */
    public Set<LeadStatus> statuses() {
        return statuses;
    }

    /** The tags a lead must all carry; empty for no tag filter. */
    public Set<Tag> tags() {
        return tags;
    }

    /** The window on the creation time. */
    public CreatedRange created() {
        return created;
    }

    /** Whether no criterion is set. */
    public boolean isNone() {
        return equals(NONE);
    }

    /**
     * Calls {@code visitor} once for each criterion that is set, in a fixed order (search, statuses, tags,
     * created), and returns the answers in that order; none for {@link #none()}.
     */
    public <R> List<R> visit(Visitor<R> visitor) {
        List<R> answers = new ArrayList<>(4);
        search.ifPresent(term -> answers.add(visitor.search(term)));
        if (!statuses.isEmpty()) {
            answers.add(visitor.statuses(statuses));
        }
        if (!tags.isEmpty()) {
            answers.add(visitor.tags(tags));
        }
        if (!created.isUnbounded()) {
            answers.add(visitor.created(created));
        }
        return answers;
    }

    /**
     * Turns each criterion that is set into an {@code R}. One method per criterion, no defaults: adding a
     * criterion breaks the compile of every visitor until it handles the new one.
     */
    public interface Visitor<R> {
        /** The lead's email, first name, last name or "first last" contains {@code term}, ignoring case. */
        R search(SearchTerm term);

        /** The lead's status is one of {@code any} (never empty). */
        R statuses(Set<LeadStatus> any);

        /** The lead carries every one of {@code all} (never empty). */
        R tags(Set<Tag> all);

        /** The lead was created within {@code window} (at least one end set). */
        R created(CreatedRange window);
    }

    /**
     * Reads each criterion from a source such as query parameters or a stored form. One method per criterion,
     * no defaults: adding a criterion breaks the compile of every reader until it reads the new one.
     */
    public interface Reader {
        /** The search term; empty for none. */
        Optional<SearchTerm> search();

        /** The statuses; empty for any. */
        Set<LeadStatus> statuses();

        /** The tags; empty for no tag filter. */
        Set<Tag> tags();

        /** The creation window; {@link CreatedRange#ALWAYS} for any time. */
        CreatedRange created();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LeadFilters that && search.equals(that.search) && statuses.equals(that.statuses)
                && tags.equals(that.tags) && created.equals(that.created);
    }

    @Override
    public int hashCode() {
        return Objects.hash(search, statuses, tags, created);
    }

    @Override
    public String toString() {
        return "LeadFilters" + visit(new Visitor<String>() {
            @Override
            public String search(SearchTerm term) {
                return "search";
            }

            @Override
            public String statuses(Set<LeadStatus> any) {
                return "statuses=" + any;
            }

            @Override
            public String tags(Set<Tag> all) {
                return "tags=" + all.size();
            }

            @Override
            public String created(CreatedRange window) {
                return "created=" + window;
            }
        });
    }
}
