package com.coachintel.leads.adapter.persistence;

import com.coachintel.leads.domain.LeadStatus;
import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.Tag;
import com.coachintel.leads.domain.query.CreatedRange;
import com.coachintel.leads.domain.query.LeadFilters;
import com.coachintel.leads.domain.query.ListPosition;
import com.coachintel.leads.domain.query.PageRequest;
import com.coachintel.leads.domain.query.SearchTerm;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

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

    /**
     * Which kept rows, if any, give a filter's exact total: the per-status or per-tag counters, or the narrow
     * {@code lead_search} table, whose matches are counted without reading a lead.
     */
    enum Counters { STATUS, TAG, SEARCH, NONE }

    private final String where;
    private final String walkWhere;
    private final Map<String, Object> parameters;
    private final Counters counters;
    private final Optional<String> searchMatch;

    private LeadFilterSql(String where, String walkWhere, Map<String, Object> parameters, Counters counters,
            Optional<String> searchMatch) {
        this.where = where;
        this.walkWhere = walkWhere;
        this.parameters = Map.copyOf(parameters);
        this.counters = counters;
        this.searchMatch = searchMatch;
    }

    /**
     * What one criterion contributes: its condition for finding the matches (counting them, or fetching a few), and
     * for checking rows one by one while walking the list order, which is the same test in the form cheapest per
     * row; the counters that give its total alone; and its share of an {@link OwnIndexPage}, if it can have one.
     */
    private record Part(String condition, String walkCondition, Map<String, Object> parameters, Counters countedBy,
            Optional<OwnIndexShare> ownIndex, Optional<String> searchMatch) {
        Part(String condition, String walkCondition, Map<String, Object> parameters, Counters countedBy,
                Optional<OwnIndexShare> ownIndex) {
            this(condition, walkCondition, parameters, countedBy, ownIndex, Optional.empty());
        }

        /** A search's own part: its matches in {@code lead_search} ({@code match}), and the walk's per-row check. */
        static Part search(String match, String walkCondition, Map<String, Object> parameters) {
            return new Part("l.id IN (SELECT s.lead_id FROM lead_search s WHERE " + match + ")", walkCondition, parameters,
                    Counters.SEARCH, Optional.empty(), Optional.of(match));
        }

        static Part counted(String condition, Map<String, Object> parameters) {
            return new Part(condition, condition, parameters, Counters.NONE, Optional.empty());
        }
    }

    /** What a criterion that the list order's own indexes serve contributes to them: a status, or a window. */
    private record OwnIndexShare(Optional<LeadStatus> status, CreatedRange window) {
    }

    private static final LeadFilters.Visitor<Part> PARTS = new LeadFilters.Visitor<>() {
        @Override
        public Part search(SearchTerm term) {
            // Matches are found in lead_search, whose GIN index holds each org's trigrams (changeset 011); a row met
            // while walking is checked by the same function that fills lead_search's haystack, which is cheaper than
            // probing lead_search for it.
            if (hasTrigram(term)) {
                return Part.search(TRIGRAM_SEARCH,
                        "lead_search_text(l.email, l.first_name, l.last_name) LIKE lower(:searchPattern)",
                        Map.of("searchPattern", "%" + escapeLike(term.text()) + "%"));
            }
            // A term without three letters or digits in a row has no trigram to look up: written as LIKE, the plan
            // PostgreSQL caches for the statement reads every entry of the org's GIN index and rechecks every row
            // (356 ms for q=so at 1M leads). strpos() is the same substring test, and no index offers it.
            return Part.search(SCANNED_SEARCH,
                    "strpos(lead_search_text(l.email, l.first_name, l.last_name), lower(:searchTerm)) > 0",
                    Map.of("searchTerm", term.text()));
        }

        @Override
        public Part statuses(Set<LeadStatus> any) {
            String condition = "l.status = ANY(CAST(:statuses AS text[]))";
            return new Part(condition, condition,
                    Map.of("statuses", sorted(any.stream().map(LeadStatus::wireName).toList())), Counters.STATUS,
                    any.size() == 1 ? Optional.of(new OwnIndexShare(any.stream().findFirst(), CreatedRange.ALWAYS))
                            : Optional.empty());
        }

        @Override
        public Part tags(Set<Tag> all) {
            String condition = "l.tags @> CAST(:tags AS text[])";
            return new Part(condition, condition, Map.of("tags", sorted(all.stream().map(Tag::value).toList())),
                    all.size() == 1 ? Counters.TAG : Counters.NONE, Optional.empty());
        }

        @Override
        public Part created(CreatedRange window) {
            String condition = String.join(" AND ", WindowTotal.conditions(window));
            return new Part(condition, condition, WindowTotal.endValues(window), Counters.NONE,
                    Optional.of(new OwnIndexShare(Optional.empty(), window)));
        }
    };

    /** A search in {@code lead_search}: its org's rows whose haystack holds the term, found by their trigrams. */
    private static final String TRIGRAM_SEARCH = "s.org_id = :org AND s.haystack LIKE lower(:searchPattern)";

    /** The same for a term without a trigram, by reading the org's haystacks. */
    private static final String SCANNED_SEARCH = "s.org_id = :org AND strpos(s.haystack, lower(:searchTerm)) > 0";

    /**
     * Whether pg_trgm finds a trigram in the term: it splits text into words of letters and digits, and only a word
     * of three or more characters has one.
     */
    static boolean hasTrigram(SearchTerm term) {
        int run = 0;
        for (int i = 0; i < term.text().length(); i = term.text().offsetByCodePoints(i, 1)) {
            run = Character.isLetterOrDigit(term.text().codePointAt(i)) ? run + 1 : 0;
            if (run == 3) {
                return true;
            }
        }
        return false;
    }

    /**
     * The page and total as one statement on the list order's own index, when the filter allows it: no criterion,
     * one status, a created_at window, or both. Cheaper than {@link #of}, which it spares the common views.
     */
    static Optional<OwnIndexPage> ownIndexPage(OrgId org, LeadFilters filters) {
        Optional<LeadStatus> status = Optional.empty();
        CreatedRange window = CreatedRange.ALWAYS;
        for (Part part : filters.visit(PARTS)) {
            if (part.ownIndex().isEmpty()) {
                return Optional.empty();
            }
            OwnIndexShare share = part.ownIndex().get();
            if (share.status().isPresent()) {
                status = share.status();
            }
            if (!share.window().isUnbounded()) {
                window = share.window();
            }
        }
        return Optional.of(new OwnIndexPage(org, status, window));
    }

    /**
     * The page and total of a search by a term with a trigram and nothing else, as one scan of {@code lead_search}
     * ({@link SearchTablePage}).
     */
    static Optional<SearchTablePage> searchTablePage(OrgId org, LeadFilters filters) {
        List<Part> parts = filters.visit(PARTS);
        if (parts.size() != 1 || !parts.get(0).searchMatch().equals(Optional.of(TRIGRAM_SEARCH))) {
            return Optional.empty();
        }
        Map<String, Object> parameters = new HashMap<>(parts.get(0).parameters());
        parameters.put("org", org.value());
        return Optional.of(new SearchTablePage(parameters));
    }

    /** The filters of one org's leads. */
    static LeadFilterSql of(OrgId org, LeadFilters filters) {
        List<Part> parts = filters.visit(PARTS);
        StringBuilder where = new StringBuilder("l.org_id = :org");
        StringBuilder walkWhere = new StringBuilder("l.org_id = :org");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("org", org.value());
        for (Part part : parts) {
            where.append(" AND ").append(part.condition());
            walkWhere.append(" AND ").append(part.walkCondition());
            parameters.putAll(part.parameters());
        }
        // Kept counters serve no criterion, or one criterion that they serve on its own.
        Counters counters = parts.isEmpty() ? Counters.STATUS : parts.size() == 1 ? parts.get(0).countedBy() : Counters.NONE;
        Optional<String> searchMatch = parts.stream().map(Part::searchMatch).flatMap(Optional::stream).findFirst();
        return new LeadFilterSql(where.toString(), walkWhere.toString(), parameters, counters, searchMatch);
    }

    /** The bound values of every statement below. */
    Map<String, Object> parameters() {
        return parameters;
    }

    /** The bound values of a page's statement: the filter's, and the position it starts after, if any. */
    Map<String, Object> parameters(Optional<ListPosition> after) {
        return withPosition(parameters, after);
    }

    /** {@code values} and, if the page starts after a position, the position's. */
    static Map<String, Object> withPosition(Map<String, Object> values, Optional<ListPosition> after) {
        if (after.isEmpty()) {
            return values;
        }
        Map<String, Object> all = new HashMap<>(values);
        all.put("afterCreatedAt", SqlRows.utc(after.get().createdAt()));
        all.put("afterId", after.get().id().value());
        return all;
    }

    /**
     * Leads after a position in the list order, as one row comparison that the list-order indexes
     * ({@code (org_id, created_at, id)}, {@code (org_id, status, created_at, id)}) answer as an index condition.
     */
    static String afterPosition(Optional<ListPosition> after) {
        return after.isPresent() ? " AND (l.created_at, l.id) < " + POSITION : "";
    }

    /**
     * The position a page starts after, as sub-selects rather than bare values: the page's plan does not depend on
     * where in the list it starts, and PostgreSQL then keeps one plan per connection instead of planning the
     * statement again for every position. With the bare values it re-planned on every call (0.1 ms of its CPU, more
     * than running the page), because the plan for an unknown position is costed a little above those it makes for
     * a known one; a sub-select's value is unknown to every plan alike. The index condition is the same.
     */
    private static final String POSITION =
            "((SELECT CAST(:afterCreatedAt AS timestamptz)), (SELECT CAST(:afterId AS uuid)))";

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


    /** One page of leads, newest first, found by walking an index in list order and checking each row met. */
    String pageSql(PageRequest page, Optional<ListPosition> after) {
        return "SELECT " + SqlRows.LEAD_LIST_COLUMNS + " FROM leads l WHERE " + walkWhere + afterPosition(after)
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
        return "SELECT " + SqlRows.LEAD_LIST_COLUMNS + " FROM leads l WHERE " + walkWhere
                + " ORDER BY l.created_at DESC, l.id DESC";
    }

    /**
     * The exact number of matching leads, as cheaply as it can be had: from the per-status counters when
     * the filter is by status at most (the common views), from the per-tag counters when it is one tag
     * and nothing else, by counting a search's matches in {@code lead_search} when it is q alone, by counting
     * leads otherwise.
     */
    String totalSql() {
        return switch (counters) {
            case STATUS -> "SELECT coalesce(sum(n), 0) FROM lead_status_counts WHERE org_id = :org"
                    + (parameters.containsKey("statuses") ? " AND status = ANY(CAST(:statuses AS text[]))" : "");
            case TAG -> "SELECT coalesce(sum(n), 0) FROM lead_tag_counts WHERE org_id = :org"
                    + " AND tag = (CAST(:tags AS text[]))[1]";
            case SEARCH -> "SELECT count(*) FROM lead_search s WHERE " + searchMatch.orElseThrow();
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
     * A list whose exact total kept counters give and whose order an index gives directly: no status
     * ({@code (org_id, created_at, id)}) or one ({@code (org_id, status, created_at, id)}), within a created_at window
     * or not. The page is a short index walk however many leads match, so no count is needed to choose how to fetch
     * it, and the total rides in the page's own statement: one round trip, one snapshot. Without a window the total
     * is the per-status counters'; with one, it is the per-day counters' for the window's whole UTC days plus a
     * count of its partial first and last days ({@link WindowTotal}).
     *
     * <p>The org and the status are written into the SQL as literals ({@link SqlLiterals}), not bound. Bound,
     * PostgreSQL's plan cache re-planned the statement on every call, because the generic plan's estimate for "any
     * org" is seven times the custom plan's, though both are the same index walk; that halved what PostgreSQL could
     * serve (pgbench at 1M leads: 2,790 tps bound, 4,900 with literals). Without parameters, each connection keeps
     * one plan per org and status. The window's ends are bound: they differ from request to request.
     */
    record OwnIndexPage(OrgId org, Optional<LeadStatus> status, CreatedRange window) {

        /** The leads of the org and status, as literals. */
        private String orgAndStatus() {
            return "l.org_id = " + SqlLiterals.org(org) + status.map(s -> " AND l.status = " + SqlLiterals.status(s)).orElse("");
        }

        /** The status, as a literal, in a counter table's {@code status} column; empty for every status. */
        private String counterStatus() {
            return status.map(s -> " AND status = " + SqlLiterals.status(s)).orElse("");
        }

        /** The exact total, from the kept counters (and, for a window's partial days, an index-only count). */
        String totalSql() {
            if (window.isUnbounded()) {
                return "SELECT coalesce(sum(n), 0) FROM lead_status_counts WHERE org_id = " + SqlLiterals.org(org)
                        + counterStatus();
            }
            return new WindowTotal(window).sql(org, status.isPresent() ? counterStatus() : EVERY_STATUS, orgAndStatus());
        }

        /**
         * Every status named, when none is filtered: the daily counters' key then gives four ranges instead of a scan
         * of all the org's days.
         */
        private static final String EVERY_STATUS = " AND status IN (" + Arrays.stream(LeadStatus.values())
                .map(SqlLiterals::status).collect(Collectors.joining(", ")) + ")";

        /** The bound values of {@link #totalSql}. */
        Map<String, Object> totalParameters() {
            return window.isUnbounded() ? Map.of() : new WindowTotal(window).parameters();
        }

        /** The bound values of {@link #pageSql}: the window's ends, the position it starts after, and the total's. */
        Map<String, Object> parameters(Optional<ListPosition> after) {
            return withPosition(totalParameters(), after);
        }

        /**
         * One page newest first, each row carrying the total. After a position, the position is bound (its values
         * differ on every page; the org and status are what the plan depends on).
         */
        String pageSql(PageRequest page, Optional<ListPosition> after) {
            String where = orgAndStatus() + WindowTotal.andConditions(window) + afterPosition(after);
            if (after.isEmpty() && page.offset() >= DEEP_OFFSET && window.isUnbounded()) {
                return dayCountedPageSql(page);
            }
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

        /**
         * A deep page found by the per-day counters: newest day first, they say on which UTC day the page starts and
         * how many leads the newer days hold, so the walk starts at that day's end and skips less than a day's leads,
         * instead of the offset's (an index-only scan of 250,000 entries took 35 ms, 20 ms of CPU per request under
         * load). Each day's count is exact in the statement's snapshot, so the page is the one the offset names.
         */
        private String dayCountedPageSql(PageRequest page) {
            return "WITH days AS (SELECT day, sum(n) AS n FROM lead_daily_counts WHERE org_id = " + SqlLiterals.org(org)
                    + counterStatus() + " GROUP BY day),"
                    + " start AS (SELECT day, through - n AS newer FROM (SELECT day, n, sum(n) OVER (ORDER BY day DESC) AS"
                    + " through FROM days) c WHERE through > " + page.offset() + " ORDER BY day DESC LIMIT 1),"
                    + " page AS MATERIALIZED (SELECT l.id, l.created_at FROM leads l WHERE " + orgAndStatus()
                    + " AND l.created_at < (SELECT (day + 1)::timestamp AT TIME ZONE 'UTC' FROM start)"
                    + " ORDER BY l.created_at DESC, l.id DESC LIMIT " + page.limit()
                    + " OFFSET (SELECT " + page.offset() + " - newer FROM start))"
                    + " SELECT (" + totalSql() + ") AS total, " + SqlRows.LEAD_LIST_COLUMNS
                    + " FROM page p JOIN leads l ON l.id = p.id ORDER BY p.created_at DESC, p.id DESC";
        }
    }

    /**
     * A search by a term with a trigram and nothing else. Its total is counted in {@code lead_search}, then its page
     * is found whichever way costs less for how densely the matches sit among the org's leads: by walking the list
     * order and checking each lead, but only as far as the density says a page needs ({@link #walkSql}), or else by
     * sorting the matches found in {@code lead_search} ({@link #tableSql}). An unbounded walk is cheap only while
     * matches are dense among the newest leads; matches that sit elsewhere in time made it read 208,621 leads for one
     * page of q=ngoz at 1M leads (259 ms, against 7 ms for sorting the matches).
     */
    record SearchTablePage(Map<String, Object> searchParameters) {

        /** How many leads a walk may read before the sorted matches are cheaper. */
        static final int WALK_BUDGET = 10_000;

        /** The exact total, and the org's number of leads (from the kept counters), for the density. */
        String countSql() {
            return "SELECT (SELECT count(*) FROM lead_search s WHERE " + TRIGRAM_SEARCH + ") AS total,"
                    + " (SELECT coalesce(sum(n), 0) FROM lead_status_counts WHERE org_id = :org) AS org_leads";
        }

        /**
         * How many leads a walk should read to meet a page's matches, with room for uneven spreading: four times what
         * the density predicts. Empty when that is over {@link #WALK_BUDGET}.
         */
        static Optional<Integer> walkLength(PageRequest page, long total, long orgLeads) {
            double leadsPerMatch = (double) Math.max(orgLeads, total) / Math.max(total, 1);
            double length = (page.offset() + page.limit() + 1) * leadsPerMatch * 4 + 100;
            return length <= WALK_BUDGET ? Optional.of((int) length) : Optional.empty();
        }

        /** The page by walking at most {@code length} of the org's leads in list order. */
        String walkSql(PageRequest page, Optional<ListPosition> after, int length) {
            return "SELECT " + SqlRows.LEAD_LIST_COLUMNS + " FROM (SELECT * FROM leads l WHERE l.org_id = :org"
                    + afterPosition(after) + " ORDER BY l.created_at DESC, l.id DESC" + SqlLiterals.limit(length)
                    + ") l WHERE lead_search_text(l.email, l.first_name, l.last_name) LIKE lower(:searchPattern)"
                    + " ORDER BY l.created_at DESC, l.id DESC" + pageLimit(page, after);
        }

        /** The page by sorting every match in {@code lead_search}, then reading only the page's leads. */
        String tableSql(PageRequest page, Optional<ListPosition> after) {
            return "WITH matched AS MATERIALIZED (SELECT s.lead_id, s.created_at FROM lead_search s WHERE " + TRIGRAM_SEARCH
                    + (after.isPresent() ? " AND (s.created_at, s.lead_id) < " + POSITION : "")
                    + " ORDER BY s.created_at DESC, s.lead_id DESC" + pageLimit(page, after) + ") SELECT "
                    + SqlRows.LEAD_LIST_COLUMNS + " FROM matched m JOIN leads l ON l.id = m.lead_id AND l.org_id = :org"
                    + " ORDER BY m.created_at DESC, m.lead_id DESC";
        }

        Map<String, Object> parameters(Optional<ListPosition> after) {
            return withPosition(searchParameters, after);
        }
    }

    /**
     * The exact number of leads in a created_at window, from {@code lead_daily_counts} (changeset 012): the window's
     * whole UTC days are summed from the counters, and only its partial first and last days are counted, by
     * index-only scans of at most a day's leads each. A window inside one or two days is counted whole.
     */
    record WindowTotal(CreatedRange window) {

        /** The window as conditions on {@code l.created_at}, bound as {@code :createdFrom} and {@code :createdBefore}. */
        static List<String> conditions(CreatedRange window) {
            List<String> conditions = new java.util.ArrayList<>();
            if (window.from() != null) {
                conditions.add("l.created_at >= :createdFrom");
            }
            if (window.toExclusive() != null) {
                conditions.add("l.created_at < :createdBefore");
            }
            return conditions;
        }

        /** The same conditions, each after {@code AND}, for a WHERE clause that has others before them. */
        static String andConditions(CreatedRange window) {
            return conditions(window).stream().map(condition -> " AND " + condition).collect(Collectors.joining());
        }

        /** The values of {@link #conditions}. */
        static Map<String, Object> endValues(CreatedRange window) {
            Map<String, Object> values = new HashMap<>();
            if (window.from() != null) {
                values.put("createdFrom", SqlRows.utc(window.from()));
            }
            if (window.toExclusive() != null) {
                values.put("createdBefore", SqlRows.utc(window.toExclusive()));
            }
            return values;
        }

        /** The first whole day: the start's day, or the next when the start is not at midnight. Null when unbounded. */
        private LocalDate firstWholeDay() {
            if (window.from() == null) {
                return null;
            }
            LocalDate day = LocalDate.ofInstant(window.from(), ZoneOffset.UTC);
            return dayStart(day).equals(window.from()) ? day : day.plusDays(1);
        }

        /** The day after the last whole day: the end's own day (the end is exclusive). Null when unbounded. */
        private LocalDate endOfWholeDays() {
            return window.toExclusive() == null ? null : LocalDate.ofInstant(window.toExclusive(), ZoneOffset.UTC);
        }

        private boolean hasWholeDays() {
            LocalDate first = firstWholeDay();
            LocalDate end = endOfWholeDays();
            return first == null || end == null || first.isBefore(end);
        }

        /** The total; {@code counterStatus} selects the counter rows, {@code orgAndStatus} the leads of the partial days. */
        String sql(OrgId org, String counterStatus, String orgAndStatus) {
            if (!hasWholeDays()) {
                return "SELECT count(*) FROM leads l WHERE " + orgAndStatus + andConditions(window);
            }
            StringBuilder sql = new StringBuilder("SELECT (SELECT coalesce(sum(n), 0) FROM lead_daily_counts WHERE org_id = ")
                    .append(SqlLiterals.org(org)).append(counterStatus)
                    .append(firstWholeDay() != null ? " AND day >= :firstWholeDay" : "")
                    .append(endOfWholeDays() != null ? " AND day < :endOfWholeDays" : "").append(")");
            if (window.from() != null && !dayStart(firstWholeDay()).equals(window.from())) {
                sql.append(" + (SELECT count(*) FROM leads l WHERE ").append(orgAndStatus)
                        .append(" AND l.created_at >= :createdFrom AND l.created_at < :firstWholeDayStart)");
            }
            if (window.toExclusive() != null && !dayStart(endOfWholeDays()).equals(window.toExclusive())) {
                sql.append(" + (SELECT count(*) FROM leads l WHERE ").append(orgAndStatus)
                        .append(" AND l.created_at >= :endOfWholeDaysStart AND l.created_at < :createdBefore)");
            }
            return sql.toString();
        }

        /** The bound values: the window's ends, and the whole days' bounds as dates and as instants. */
        Map<String, Object> parameters() {
            Map<String, Object> values = endValues(window);
            if (hasWholeDays()) {
                LocalDate first = firstWholeDay();
                LocalDate end = endOfWholeDays();
                if (first != null) {
                    values.put("firstWholeDay", first);
                    values.put("firstWholeDayStart", SqlRows.utc(dayStart(first)));
                }
                if (end != null) {
                    values.put("endOfWholeDays", end);
                    values.put("endOfWholeDaysStart", SqlRows.utc(dayStart(end)));
                }
            }
            return values;
        }

        private static Instant dayStart(LocalDate day) {
            return day.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
    }
}
