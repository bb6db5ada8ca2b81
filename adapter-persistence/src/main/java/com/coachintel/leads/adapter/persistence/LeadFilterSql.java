package com.coachintel.leads.adapter.persistence;

import com.coachintel.leads.domain.LeadStatus;
import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.Tag;
import com.coachintel.leads.domain.query.CreatedRange;
import com.coachintel.leads.domain.query.LeadFilters;
import com.coachintel.leads.domain.query.ListPosition;
import com.coachintel.leads.domain.query.PageRequest;
import com.coachintel.leads.domain.query.SearchTerm;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lead filters in SQL: the WHERE clause and its bound values, which kept counters give the exact total, and
 * whether the list order's own index serves the page. All three are decided per criterion by one
 * {@link LeadFilters.Visitor}, so a new criterion cannot compile until it says how it is matched, counted and
 * paged. Only fixed fragments reach the SQL text; every value is bound.
 */
final class LeadFilterSql {

    /**
     * From this offset on, a page of the list's common views finds its ids in the index before it reads any row
     * ({@link OwnIndexPage#pageSql}). Below it, the direct walk reads at most this many rows more, and page 1's
     * statement stays the one measured.
     */
    static final int DEEP_OFFSET = 1_000;

    /** Up to this many matches, a page is cut from all of them rather than found by walking the list order. */
    static final int SMALL_RESULT = 5_000;

    /** Which kept counters, if any, give a filter's exact total. */
    enum Counters { STATUS, TAG, NONE }

    private final String where;
    private final Map<String, Object> parameters;
    private final Counters counters;
    private LeadFilterSql(String where, Map<String, Object> parameters, Counters counters) {
        this.where = where;
        this.parameters = Map.copyOf(parameters);
        this.counters = counters;
    }

    /** What one criterion contributes. */
    private record Part(String condition, Map<String, Object> parameters, Counters countedBy, Optional<LeadStatus> ownIndex) {
        static Part counted(String condition, Map<String, Object> parameters) {
            return new Part(condition, parameters, Counters.NONE, Optional.empty());
        }
    }

    private static final LeadFilters.Visitor<Part> PARTS = new LeadFilters.Visitor<>() {
        @Override
        public Part search(SearchTerm term) {
            // The same expression as leads_search_trgm_idx, so the trigram index answers it.
            return Part.counted("lead_search_text(l.email, l.first_name, l.last_name) LIKE lower(:searchPattern)",
                    Map.of("searchPattern", "%" + escapeLike(term.text()) + "%"));
        }

        @Override
        public Part statuses(Set<LeadStatus> any) {
            return new Part("l.status = ANY(CAST(:statuses AS text[]))",
                    Map.of("statuses", sorted(any.stream().map(LeadStatus::wireName).toList())), Counters.STATUS,
                    any.size() == 1 ? any.stream().findFirst() : Optional.empty());
        }

        @Override
        public Part tags(Set<Tag> all) {
            return new Part("l.tags @> CAST(:tags AS text[])", Map.of("tags", sorted(all.stream().map(Tag::value).toList())),
                    all.size() == 1 ? Counters.TAG : Counters.NONE, Optional.empty());
        }

        @Override
        public Part created(CreatedRange window) {
            Map<String, Object> values = new HashMap<>();
            StringBuilder condition = new StringBuilder();
            if (window.from() != null) {
                condition.append("l.created_at >= :createdFrom");
                values.put("createdFrom", SqlRows.utc(window.from()));
            }
            if (window.toExclusive() != null) {
                condition.append(condition.length() > 0 ? " AND " : "").append("l.created_at < :createdBefore");
                values.put("createdBefore", SqlRows.utc(window.toExclusive()));
            }
            return Part.counted(condition.toString(), values);
        }
    };

    /**
     * The page and total as one statement on the list order's own index, when the filter allows it: no criterion, or
     * one the own index serves alone. Cheaper than {@link #of}, which it spares the common views.
     */
    static Optional<OwnIndexPage> ownIndexPage(OrgId org, LeadFilters filters) {
        return ownIndexPage(org, filters.visit(PARTS));
    }

    private static Optional<OwnIndexPage> ownIndexPage(OrgId org, List<Part> parts) {
        return parts.isEmpty() ? Optional.of(new OwnIndexPage(org, Optional.empty()))
                : parts.size() == 1 ? parts.get(0).ownIndex().map(status -> new OwnIndexPage(org, Optional.of(status)))
                : Optional.empty();
    }

    /** The filters of one org's leads. */
    static LeadFilterSql of(OrgId org, LeadFilters filters) {
        List<Part> parts = filters.visit(PARTS);
        StringBuilder where = new StringBuilder("l.org_id = :org");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("org", org.value());
        for (Part part : parts) {
            where.append(" AND ").append(part.condition());
            parameters.putAll(part.parameters());
        }
        // Kept counters and the own index serve no criterion, or one criterion that they serve on its own.
        Counters counters = parts.isEmpty() ? Counters.STATUS : parts.size() == 1 ? parts.get(0).countedBy() : Counters.NONE;
        return new LeadFilterSql(where.toString(), parameters, counters);
    }

    /** The bound values of every statement below. */
    Map<String, Object> parameters() {
        return parameters;
    }

    /** The bound values of a page's statement: the filter's, and the position it starts after, if any. */
    Map<String, Object> parameters(Optional<ListPosition> after) {
        if (after.isEmpty()) {
            return parameters;
        }
        Map<String, Object> values = new HashMap<>(parameters);
        values.putAll(positionParameters(after.get()));
        return values;
    }

    static Map<String, Object> positionParameters(ListPosition after) {
        return Map.of("afterCreatedAt", SqlRows.utc(after.createdAt()), "afterId", after.id().value());
    }

    /**
     * Leads after a position in the list order, as one row comparison that the list-order indexes
     * ({@code (org_id, created_at, id)}, {@code (org_id, status, created_at, id)}) answer as an index condition.
     */
    static String afterPosition(Optional<ListPosition> after) {
        return after.isPresent() ? " AND (l.created_at, l.id) < (:afterCreatedAt, :afterId)" : "";
    }

    /**
     * The page's LIMIT (and OFFSET): after a position, one row more than the page, which says whether another page
     * follows without counting what lies beyond.
     */
    static String pageLimit(PageRequest page, Optional<ListPosition> after) {
        return after.isPresent() ? SqlLiterals.limit(page.limit() + 1) : SqlLiterals.limitOffset(page);
    }

    /** Which counters give the exact total. */
    Counters counters() {
        return counters;
    }


    /** One page of leads, newest first, found by walking an index in list order. */
    String pageSql(PageRequest page, Optional<ListPosition> after) {
        return "SELECT " + SqlRows.LEAD_LIST_COLUMNS + " FROM leads l WHERE " + where + afterPosition(after)
                + " ORDER BY l.created_at DESC, l.id DESC" + pageLimit(page, after);
    }

    /**
     * One page of leads, newest first, cut from every match: the MATERIALIZED fence makes PostgreSQL
     * fetch the matches through the filter's own indexes, then sort them.
     */
    String smallResultPageSql(PageRequest page, Optional<ListPosition> after) {
        return "WITH matched AS MATERIALIZED (SELECT " + SqlRows.LEAD_LIST_COLUMNS + " FROM leads l WHERE " + where
                + afterPosition(after) + ") SELECT * FROM matched l ORDER BY l.created_at DESC, l.id DESC"
                + pageLimit(page, after);
    }

    /** Every matching lead in list order, for an export's cursor. */
    String everyMatchSql() {
        return "SELECT " + SqlRows.LEAD_LIST_COLUMNS + " FROM leads l WHERE " + where + " ORDER BY l.created_at DESC, l.id DESC";
    }

    /**
     * The exact number of matching leads, as cheaply as it can be had: from the per-status counters when
     * the filter is by status at most (the common views), from the per-tag counters when it is one tag
     * and nothing else, by counting otherwise.
     */
    String totalSql() {
        return switch (counters) {
            case STATUS -> "SELECT coalesce(sum(n), 0) FROM lead_status_counts WHERE org_id = :org"
                    + (parameters.containsKey("statuses") ? " AND status = ANY(CAST(:statuses AS text[]))" : "");
            case TAG -> "SELECT coalesce(sum(n), 0) FROM lead_tag_counts WHERE org_id = :org"
                    + " AND tag = (CAST(:tags AS text[]))[1]";
            case NONE -> "SELECT count(*) FROM leads l WHERE " + where;
        };
    }

    /** Makes {@code %}, {@code _} and {@code \} match themselves (backslash is LIKE's default escape). */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String[] sorted(List<String> values) {
        return values.stream().sorted().toArray(String[]::new);
    }

    /**
     * A list whose exact total the per-status counters keep and whose order an index gives directly: no status
     * ({@code (org_id, created_at, id)}) or one ({@code (org_id, status, created_at, id)}). The page is a short
     * index walk however many leads match, so no count is needed to choose how to fetch it, and the total rides
     * in the page's own statement: one round trip, one snapshot.
     *
     * <p>The org and the status are written into the SQL as literals ({@link SqlLiterals}), not bound. Bound,
     * PostgreSQL's plan cache re-planned the statement on every call, because the generic plan's estimate for "any
     * org" is seven times the custom plan's, though both are the same index walk; that halved what PostgreSQL could
     * serve (pgbench at 1M leads: 2,790 tps bound, 4,900 with literals). Without parameters, each connection keeps
     * one plan per org and status.
     */
    record OwnIndexPage(OrgId org, Optional<LeadStatus> status) {

        /** The exact total, from the kept counters. */
        String totalSql() {
            return "SELECT coalesce(sum(n), 0) FROM lead_status_counts WHERE org_id = " + SqlLiterals.org(org)
                    + status.map(s -> " AND status = " + SqlLiterals.status(s)).orElse("");
        }

        /**
         * One page newest first, each row carrying the total. After a position, the position is bound (its values
         * differ on every page; the org and status are what the plan depends on).
         */
        String pageSql(PageRequest page, Optional<ListPosition> after) {
            String where = "l.org_id = " + SqlLiterals.org(org)
                    + status.map(s -> " AND l.status = " + SqlLiterals.status(s)).orElse("") + afterPosition(after);
            if (after.isEmpty() && page.offset() >= DEEP_OFFSET) {
                // A late row lookup: the ids of the page from the index alone (an index-only scan, which passes over
                // the skipped entries without reading their rows), then the page's rows by id. Read directly, each
                // skipped row was read from the heap: at offset 250,000 of 500,000 leads that took 2.8 s against 58 ms
                // (EXPLAIN in docs/performance.md).
                return "WITH page AS MATERIALIZED (SELECT l.id, l.created_at FROM leads l WHERE " + where
                        + " ORDER BY l.created_at DESC, l.id DESC" + pageLimit(page, after) + ") SELECT (" + totalSql()
                        + ") AS total, " + SqlRows.LEAD_LIST_COLUMNS + " FROM page p JOIN leads l ON l.id = p.id"
                        + " ORDER BY p.created_at DESC, p.id DESC";
            }
            return "SELECT (" + totalSql() + ") AS total, " + SqlRows.LEAD_LIST_COLUMNS + " FROM leads l WHERE " + where
                    + " ORDER BY l.created_at DESC, l.id DESC" + pageLimit(page, after);
        }
    }
}
