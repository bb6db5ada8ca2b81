package com.coachintel.leads.adapter.persistence;

import com.coachintel.leads.domain.Consent;
import com.coachintel.leads.domain.ConsentChannel;
import com.coachintel.leads.domain.HistoryEntry;
import com.coachintel.leads.domain.LeadDetails;
import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.LeadListItem;
import com.coachintel.leads.domain.LeadStatus;
import com.coachintel.leads.domain.MessageChannel;
import com.coachintel.leads.domain.MessageEvent;
import com.coachintel.leads.domain.MessageEventType;
import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.StatusChange;
import com.coachintel.leads.domain.Tag;
import com.coachintel.leads.domain.port.LeadQueries;
import com.coachintel.leads.domain.query.EventQuery;
import com.coachintel.leads.domain.query.LeadFilters;
import com.coachintel.leads.domain.query.LeadQuery;
import com.coachintel.leads.domain.query.Page;
import com.coachintel.leads.domain.query.PageRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

/**
 * {@link LeadQueries} in SQL. Filters become fixed SQL fragments chosen in code; every value is bound, except
 * the org and status of an {@link OwnIndexPage}, which are written in as literals for the plan cache's sake.
 * A page and its exact total always come from one snapshot.
 */
final class JdbiLeadQueries implements LeadQueries {

    private final Jdbi jdbi;
    /**
     * Detail and events, the API's most frequent reads, are one statement each and run on plain JDBC from the
     * pool: through Jdbi (a handle with its own copy of the configuration, a statement context, argument
     * factories looked up per bind, the SQL parsed-cache look-up) the same statement cost about 8 % of a detail
     * request's CPU in the benchmark's profile, where the whole request has 0.2 ms.
     */
    private final DataSource dataSource;

    JdbiLeadQueries(Jdbi jdbi, DataSource dataSource) {
        this.jdbi = jdbi;
        this.dataSource = dataSource;
    }

    /**
     * When the total comes from kept counters and the filter's own index gives the list order, the total and
     * the page are one statement: one round trip, and one statement is one snapshot. Otherwise counts first,
     * then fetches the page in the way that fits the count, both in one repeatable-read transaction so the
     * page and its total agree. A small result is fetched whole through the filter's own indexes and sorted;
     * only a large one is read by walking the list order, because the planner's "walk newest-first until
     * {@code limit} rows match" bet is ruinous when few rows match (at 1M leads, a tag that a small org never
     * uses made it read the whole created_at index: 600 ms instead of 15).
     */
    @Override
    public Page<LeadListItem> list(OrgId org, LeadQuery query) {
        int limit = query.page().limit();
        int offset = query.page().offset();
        Optional<OwnIndexPage> ownIndexPage = OwnIndexPage.of(org, query.filters());
        if (ownIndexPage.isPresent()) {
            OwnIndexPage list = ownIndexPage.get();
            return jdbi.withHandle(handle -> page(handle, list.pageSql(limit, offset), list.totalSql(), Map.of(), limit,
                    offset, (rs, ctx) -> SqlRows.leadListItem(rs)));
        }
        LeadFilter filter = LeadFilter.of(org, query);
        return jdbi.withHandle(handle -> {
            // One snapshot for the total and the page, in as few round trips as a transaction can take.
            handle.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
            try {
                long total = handle.createQuery(filter.totalSql()).bindMap(filter.parameters()).mapTo(Long.class).one();
                if (total <= offset) {
                    return new Page<LeadListItem>(List.of(), total, limit, offset);
                }
                String sql = total <= LeadFilter.SMALL_RESULT ? filter.smallResultPageSql(limit, offset)
                        : filter.pageSql(limit, offset);
                List<LeadListItem> items = handle.createQuery(sql).bindMap(filter.parameters())
                        .map((rs, ctx) -> SqlRows.leadListItem(rs)).list();
                return new Page<>(items, total, limit, offset);
            } finally {
                handle.execute("COMMIT"); // read only: after a failure this ends the aborted transaction
            }
        });
    }

    /**
     * The lead, its latest consent per channel and its recent status changes in one statement (one round
     * trip, one snapshot): one row per consent or status change (see {@link DetailStatement}), at least one
     * row, the lead's columns repeated on each.
     */
    @Override
    public Optional<LeadDetails> details(OrgId org, LeadId lead, int statusChanges) {
        DetailStatement statement = detailStatement;
        if (statement.statusChanges() != statusChanges) {
            statement = new DetailStatement(statusChanges);
            detailStatement = statement;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(statement.sql())) {
            query.setObject(1, lead.value());
            query.setObject(2, org.value());
            try (ResultSet rs = query.executeQuery()) {
                DetailRows rows = null;
                while (rs.next()) {
                    if (rows == null) { // the lead's columns are the same on every row: read them once
                        rows = new DetailRows(SqlRows.leadListItem(rs), rs.getString("notes"),
                                SqlRows.instant(rs, "notes_updated_at"), rs.getString("notes_updated_by"));
                    }
                    rows.add(rs);
                }
                return rows == null ? Optional.empty() : Optional.of(rows.details());
            }
        } catch (SQLException e) {
            throw new QueryFailedException("could not read lead " + lead.value(), e);
        }
    }

    /** A status change with its row id, which breaks ties between changes made at the same instant. */
    private record NumberedChange(long id, StatusChange change) {
        static final Comparator<NumberedChange> NEWEST_FIRST = newestFirst(numbered -> numbered.change().changedAt(),
                NumberedChange::id);
    }

    /**
     * The order the detail and events statements read rows in ({@code ORDER BY at DESC, id DESC}), applied in
     * Java because the statements leave out the outer ORDER BY (see {@link DetailStatement}).
     */
    private static <T> Comparator<T> newestFirst(Function<T, Instant> at, ToLongFunction<T> id) {
        return Comparator.comparing(at).reversed().thenComparing(Comparator.comparingLong(id).reversed());
    }

    /**
     * The detail statement for one number of status changes. Callers ask for the same number every time, so the
     * last one is kept: the same {@code String} instance keeps its hash, and pgjdbc's per-connection cache of
     * server-prepared statements is keyed by it.
     */
    private volatile DetailStatement detailStatement = new DetailStatement(0);

    /** The {@code kind} of a detail row that carries a status change; a consent's kind is its channel. */
    private static final String STATUS_CHANGE_ROW = "status";

    private record DetailStatement(int statusChanges, String sql) {

        DetailStatement(int statusChanges) {
            this(statusChanges, "SELECT " + SqlRows.LEAD_LIST_COLUMNS + ", l.notes, l.notes_updated_at, l.notes_updated_by, "
                    + "r.kind, r.row_id, r.at, r.granted, r.consent_source, r.from_status, r.to_status, r.changed_by, "
                    + "r.reason, r.correction FROM leads l LEFT JOIN LATERAL ("
                    + "(SELECT DISTINCT ON (channel) channel AS kind, id AS row_id, captured_at AS at, granted, "
                    + "source AS consent_source, NULL AS from_status, NULL AS to_status, NULL AS changed_by, NULL AS reason, "
                    + "NULL::boolean AS correction "
                    + "FROM lead_consents WHERE lead_id = l.id ORDER BY channel, captured_at DESC, id DESC) "
                    + "UNION ALL (SELECT '" + STATUS_CHANGE_ROW + "', id, changed_at, NULL, NULL, from_status, to_status, "
                    + "changed_by, reason, correction FROM lead_status_changes WHERE lead_id = l.id "
                    + "ORDER BY changed_at DESC, id DESC LIMIT " + statusChanges + ")) r ON true WHERE l.id = ? AND l.org_id = ?");
            // Both channels' latest consent come from one scan of lead_consents_latest_idx (lead_id, channel,
            // captured_at DESC, id DESC), its first entry per channel kept by DISTINCT ON, and the consents and
            // status changes are rows of one UNION ALL rather than three lateral joins side by side. At 1M leads
            // this cost PostgreSQL about a fifth less CPU than a LIMIT 1 look-up per channel (pgbench, alternating
            // rounds). The scan reads the lead's whole consent ledger, which is a few entries per lead; a lead
            // whose ledger ran to thousands of entries would make it a little slower, never wrong.
            // No ORDER BY on the outer query: the rows are put newest first in Java (NumberedChange). A Sort node
            // over these at most a few rows cost PostgreSQL about a third of the statement's CPU (pgbench: 0.21
            // against 0.14 ms per execution at 1M leads).
        }
    }

    /** A detail statement's rows as they are read: the lead from the first, a consent or a status change from each. */
    private static final class DetailRows {
        private final LeadListItem lead;
        private final String notes;
        private final Instant notesUpdatedAt;
        private final String notesUpdatedBy;
        private final List<NumberedChange> changes = new ArrayList<>();
        private Optional<Consent> emailConsent = Optional.empty();
        private Optional<Consent> smsConsent = Optional.empty();

        DetailRows(LeadListItem lead, String notes, Instant notesUpdatedAt, String notesUpdatedBy) {
            this.lead = lead;
            this.notes = notes;
            this.notesUpdatedAt = notesUpdatedAt;
            this.notesUpdatedBy = notesUpdatedBy;
        }

        void add(ResultSet rs) throws SQLException {
            String kind = rs.getString("kind");
            if (kind == null) {
                return; // the one row of a lead with neither consents nor status changes
            }
            Instant at = SqlRows.instant(rs, "at");
            if (kind.equals(STATUS_CHANGE_ROW)) {
                changes.add(new NumberedChange(rs.getLong("row_id"), new StatusChange(SqlRows.status(rs.getString("from_status")),
                        SqlRows.status(rs.getString("to_status")), rs.getString("changed_by"), at, rs.getString("reason"),
                        rs.getBoolean("correction"))));
            } else {
                ConsentChannel channel = ConsentChannel.fromWireName(kind)
                        .orElseThrow(() -> new SQLException("unknown detail row kind " + kind));
                Optional<Consent> consent = Optional.of(new Consent(channel, rs.getBoolean("granted"), at,
                        rs.getString("consent_source")));
                switch (channel) {
                    case EMAIL -> emailConsent = consent;
                    case SMS -> smsConsent = consent;
                }
            }
        }

        LeadDetails details() {
            changes.sort(NumberedChange.NEWEST_FIRST);
            return new LeadDetails(lead, notes, notesUpdatedAt, notesUpdatedBy, emailConsent, smsConsent,
                    changes.stream().map(NumberedChange::change).toList());
        }
    }

    private static final Comparator<MessageEvent> NEWEST_EVENT_FIRST = newestFirst(MessageEvent::occurredAt,
            MessageEvent::id);

    @Override
    public Optional<Page<MessageEvent>> events(OrgId org, LeadId lead, EventQuery query) {
        StringBuilder where = new StringBuilder("e.lead_id = ? AND e.org_id = ?");
        List<Object> whereValues = new ArrayList<>(List.of(lead.value(), org.value()));
        if (!query.types().isEmpty()) {
            where.append(" AND e.type = ANY(?)");
            whereValues.add(wireNames(query.types(), MessageEventType::wireName));
        }
        if (!query.channels().isEmpty()) {
            where.append(" AND e.channel = ANY(?)");
            whereValues.add(wireNames(query.channels(), MessageChannel::wireName));
        }
        // One statement, one round trip: no row means no such lead in this org; a lead without (more) events
        // gives one row of nulls that still carries the total.
        String sql = "SELECT (SELECT count(*) FROM message_events e WHERE " + where + ") AS total, "
                + "e.id, e.channel, e.type, e.occurred_at, e.provider_message_id, e.metadata "
                + "FROM leads l LEFT JOIN LATERAL (SELECT e.id, e.channel, e.type, e.occurred_at, e.provider_message_id, "
                + "e.metadata::text AS metadata FROM message_events e WHERE " + where
                + " ORDER BY e.occurred_at DESC, e.id DESC" + LeadFilter.limitOffset(query.page().limit(), query.page().offset())
                + ") e ON true WHERE l.id = ? AND l.org_id = ?"; // ordered in Java: see DetailStatement on Sort nodes
        List<Object> values = new ArrayList<>(whereValues); // the count's filter,
        values.addAll(whereValues); // the page's,
        values.addAll(List.of(lead.value(), org.value())); // the lead's
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                if (value instanceof String[] texts) {
                    statement.setArray(i + 1, connection.createArrayOf("text", texts));
                } else {
                    statement.setObject(i + 1, value);
                }
            }
            try (ResultSet rs = statement.executeQuery()) {
                List<MessageEvent> events = new ArrayList<>();
                long total = -1;
                while (rs.next()) {
                    total = rs.getLong("total");
                    long id = rs.getLong("id");
                    if (!rs.wasNull()) {
                        events.add(new MessageEvent(id, MessageChannel.fromWireName(rs.getString("channel")).orElseThrow(),
                                MessageEventType.fromWireName(rs.getString("type")).orElseThrow(),
                                SqlRows.instant(rs, "occurred_at"), rs.getString("provider_message_id"),
                                rs.getString("metadata")));
                    }
                }
                events.sort(NEWEST_EVENT_FIRST);
                return total < 0 ? Optional.empty()
                        : Optional.of(new Page<>(events, total, query.page().limit(), query.page().offset()));
            }
        } catch (SQLException e) {
            throw new QueryFailedException("could not read the events of lead " + lead.value(), e);
        }
    }

    @Override
    public Optional<Page<HistoryEntry>> history(OrgId org, LeadId lead, PageRequest page) {
        return jdbi.withHandle(handle -> {
            if (!leadExists(handle, org, lead)) {
                return Optional.empty();
            }
            // Status changes and field changes in one newest-first list; jsonb values come back as text or text[].
            String changes = """
                    SELECT 'status' AS field, to_jsonb(from_status) AS old_value, to_jsonb(to_status) AS new_value,
                           changed_by, changed_at, reason, correction, 0 AS kind, id
                    FROM lead_status_changes WHERE lead_id = :lead AND org_id = :org
                    UNION ALL
                    SELECT field, old_value, new_value, changed_by, changed_at, NULL, false, 1, id
                    FROM lead_field_changes WHERE lead_id = :lead AND org_id = :org""";
            String sql = "SELECT (SELECT count(*) FROM (" + changes + ") c) AS total, h.field, h.changed_by, h.changed_at, "
                    + "h.reason, h.correction, " + jsonValueColumns("old") + ", " + jsonValueColumns("new")
                    + " FROM (" + changes + ") h ORDER BY h.changed_at DESC, h.kind DESC, h.id DESC"
                    + LeadFilter.limitOffset(page.limit(), page.offset());
            String countSql = "SELECT count(*) FROM (" + changes + ") c";
            return Optional.of(page(handle, sql, countSql, Map.of("lead", lead.value(), "org", org.value()), page.limit(),
                    page.offset(), (rs, ctx) -> new HistoryEntry(rs.getString("field"), jsonValue(rs, "old"),
                            jsonValue(rs, "new"), rs.getString("changed_by"), SqlRows.instant(rs, "changed_at"),
                            rs.getString("reason"), rs.getBoolean("correction"))));
        });
    }

    private static String jsonValueColumns(String prefix) {
        String column = "h." + prefix + "_value";
        return "CASE WHEN jsonb_typeof(" + column + ") = 'array' THEN ARRAY(SELECT jsonb_array_elements_text(" + column
                + ")) END AS " + prefix + "_list, CASE WHEN jsonb_typeof(" + column + ") = 'string' THEN " + column
                + " #>> '{}' END AS " + prefix + "_text";
    }

    /** A history value: a list of tag names, a text, or null. */
    private static Object jsonValue(java.sql.ResultSet rs, String prefix) throws java.sql.SQLException {
        java.sql.Array list = rs.getArray(prefix + "_list");
        if (list != null) {
            return List.of((String[]) list.getArray());
        }
        return rs.getString(prefix + "_text");
    }

    private static boolean leadExists(Handle handle, OrgId org, LeadId lead) {
        return handle.createQuery("SELECT EXISTS (SELECT 1 FROM leads WHERE id = :lead AND org_id = :org)")
                .bind("lead", lead.value()).bind("org", org.value()).mapTo(Boolean.class).one();
    }

    /**
     * Runs a page statement that also selects {@code total} (LIMIT and OFFSET written into it, as in
     * {@link LeadFilter#pageSql}). A page past the end has no row to carry the total, so only then the count
     * runs on its own.
     */
    private static <T> Page<T> page(Handle handle, String sql, String countSql, Map<String, Object> parameters, int limit,
            int offset, RowMapper<T> mapper) {
        List<T> items = new ArrayList<>();
        long[] total = {0};
        Query query = handle.createQuery(sql).bindMap(parameters);
        query.map((rs, ctx) -> {
            total[0] = rs.getLong("total");
            return mapper.map(rs, ctx);
        }).forEach(items::add);
        if (items.isEmpty() && offset > 0) {
            total[0] = handle.createQuery(countSql).bindMap(parameters).mapTo(Long.class).one();
        }
        return new Page<>(items, total[0], limit, offset);
    }

    private static <E> String[] wireNames(java.util.Set<E> values, Function<E, String> wireName) {
        return values.stream().map(wireName).sorted().toArray(String[]::new);
    }

    /**
     * A list whose exact total the per-status counters keep and whose order an index gives directly: no status
     * ({@code (org_id, created_at, id)}) or one ({@code (org_id, status, created_at, id)}). The page is a short
     * index walk however many leads match, so no count is needed to choose how to fetch it, and the total rides
     * in the page's own statement: one round trip, one snapshot.
     *
     * <p>The org and the status are written into the SQL as literals, not bound. Bound, PostgreSQL's plan cache
     * re-planned the statement on every call, because the generic plan's estimate for "any org" is seven times
     * the custom plan's, though both are the same index walk; that halved what PostgreSQL could serve (pgbench at
     * 1M leads: 2,790 tps bound, 4,900 with literals). Without parameters, each connection keeps one plan per org
     * and status. The literals cannot carry SQL: a UUID's text is hex digits and dashes, a status's its wire name.
     */
    record OwnIndexPage(OrgId org, LeadStatus status) {

        static Optional<OwnIndexPage> of(OrgId org, LeadFilters filters) {
            boolean statusAtMost = filters.search().isEmpty() && filters.created().isUnbounded() && filters.tags().isEmpty()
                    && filters.statuses().size() <= 1;
            return statusAtMost ? Optional.of(new OwnIndexPage(org, filters.statuses().stream().findFirst().orElse(null)))
                    : Optional.empty();
        }

        /** The exact total, from the kept counters. */
        String totalSql() {
            return "SELECT coalesce(sum(n), 0) FROM lead_status_counts WHERE org_id = " + SqlRows.uuidLiteral(org.value())
                    + (status == null ? "" : " AND status = '" + status.wireName() + "'");
        }

        /** One page newest first, each row carrying the total. */
        String pageSql(int limit, int offset) {
            return "SELECT (" + totalSql() + ") AS total, " + SqlRows.LEAD_LIST_COLUMNS + " FROM leads l WHERE l.org_id = "
                    + SqlRows.uuidLiteral(org.value()) + (status == null ? "" : " AND l.status = '" + status.wireName() + "'")
                    + " ORDER BY l.created_at DESC, l.id DESC" + LeadFilter.limitOffset(limit, offset);
        }
    }

    /** The WHERE clause of a lead query and its bound values. Only fixed fragments ever reach the SQL text. */
    record LeadFilter(String where, Map<String, Object> parameters, Counters counters) {

        /** Which kept counters, if any, give this filter's exact total. */
        enum Counters { STATUS, TAG, NONE }


        static LeadFilter of(OrgId org, LeadQuery query) {
            return of(org, query.filters());
        }

        static LeadFilter of(OrgId org, LeadFilters query) {
            StringBuilder where = new StringBuilder("l.org_id = :org");
            Map<String, Object> parameters = new java.util.HashMap<>();
            parameters.put("org", org.value());
            if (!query.statuses().isEmpty()) {
                where.append(" AND l.status = ANY(CAST(:statuses AS text[]))");
                parameters.put("statuses", wireNames(query.statuses(), LeadStatus::wireName));
            }
            if (!query.tags().isEmpty()) {
                where.append(" AND l.tags @> CAST(:tags AS text[])");
                parameters.put("tags", wireNames(query.tags(), Tag::value));
            }
            if (query.created().from() != null) {
                where.append(" AND l.created_at >= :createdFrom");
                parameters.put("createdFrom", SqlRows.utc(query.created().from()));
            }
            if (query.created().toExclusive() != null) {
                where.append(" AND l.created_at < :createdBefore");
                parameters.put("createdBefore", SqlRows.utc(query.created().toExclusive()));
            }
            query.search().ifPresent(term -> {
                // The same expression as leads_search_trgm_idx, so the trigram index answers it.
                where.append(" AND lead_search_text(l.email, l.first_name, l.last_name) LIKE lower(:searchPattern)");
                parameters.put("searchPattern", "%" + escapeLike(term.text()) + "%");
            });
            boolean onlyStatusesOrTags = query.search().isEmpty() && query.created().isUnbounded();
            Counters counters = !onlyStatusesOrTags ? Counters.NONE
                    : query.tags().isEmpty() ? Counters.STATUS
                    : query.tags().size() == 1 && query.statuses().isEmpty() ? Counters.TAG
                    : Counters.NONE;
            return new LeadFilter(where.toString(), Map.copyOf(parameters), counters);
        }

        /** Up to this many matches, a page is cut from all of them rather than found by walking the list order. */
        static final int SMALL_RESULT = 5_000;

        /**
         * One page of leads, newest first, found by walking an index in list order. LIMIT and OFFSET are
         * written into the SQL (they are validated integers): as bound parameters, the cached generic plan
         * cannot know the page is small and sorts every match instead of walking the index.
         */
        String pageSql(int limit, int offset) {
            return "SELECT " + SqlRows.LEAD_LIST_COLUMNS + " FROM leads l WHERE " + where
                    + " ORDER BY l.created_at DESC, l.id DESC" + limitOffset(limit, offset);
        }

        static String limitOffset(int limit, int offset) {
            return " LIMIT " + limit + " OFFSET " + offset;
        }

        /**
         * One page of leads, newest first, cut from every match: the MATERIALIZED fence makes PostgreSQL
         * fetch the matches through the filter's own indexes, then sort them.
         */
        String smallResultPageSql(int limit, int offset) {
            return "WITH matched AS MATERIALIZED (SELECT " + SqlRows.LEAD_LIST_COLUMNS + " FROM leads l WHERE " + where
                    + ") SELECT * FROM matched l ORDER BY l.created_at DESC, l.id DESC" + limitOffset(limit, offset);
        }

        /** Every matching lead in list order, for the CSV export's cursor. */
        String exportSql() {
            return "SELECT " + SqlRows.LEAD_LIST_COLUMNS + " FROM leads l WHERE " + where
                    + " ORDER BY l.created_at DESC, l.id DESC";
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
                case NONE -> countSql();
            };
        }

        /** The number of leads the filter matches, counted. */
        String countSql() {
            return "SELECT count(*) FROM leads l WHERE " + where;
        }

        /** Makes {@code %}, {@code _} and {@code \} match themselves (backslash is LIKE's default escape). */
        static String escapeLike(String text) {
            return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        }
    }
}
