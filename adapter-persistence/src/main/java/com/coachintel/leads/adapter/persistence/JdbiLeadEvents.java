package com.coachintel.leads.adapter.persistence;

import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.MessageChannel;
import com.coachintel.leads.domain.MessageEvent;
import com.coachintel.leads.domain.MessageEventType;
import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.query.EventQuery;
import com.coachintel.leads.domain.query.Page;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** A lead's message events, filtered and paged, with their total, in one statement on plain JDBC. */
final class JdbiLeadEvents {

    private static final Comparator<MessageEvent> NEWEST_EVENT_FIRST = NewestFirst.by(MessageEvent::occurredAt,
            MessageEvent::id);

    /**
     * The total and one page of events, each WHERE filled with the same fixed fragments; no outer ORDER BY, the rows
     * are ordered in Java (see {@link JdbiLeadDetail} on Sort nodes).
     */
    private static final String SQL = """
            SELECT (SELECT count(*) FROM message_events e WHERE %s) AS total,
                   e.id, e.channel, e.type, e.occurred_at, e.provider_message_id, e.metadata
            FROM leads l LEFT JOIN LATERAL (
                SELECT e.id, e.channel, e.type, e.occurred_at, e.provider_message_id, e.metadata::text AS metadata
                FROM message_events e WHERE %s
                ORDER BY e.occurred_at DESC, e.id DESC%s
            ) e ON true
            WHERE l.id = ? AND l.org_id = ?""";
    /** {@link #SQL} cut at its blanks, joined per request: {@code String.formatted} parses its pattern on every call. */
    private static final String[] PIECES = SQL.split("%s", -1);

    private final PlainJdbc jdbc;

    JdbiLeadEvents(PlainJdbc jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Page<MessageEvent>> events(OrgId org, LeadId lead, EventQuery query) {
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
        String sql = PIECES[0] + where + PIECES[1] + where + PIECES[2] + SqlLiterals.limitOffset(query.page()) + PIECES[3];
        List<Object> values = new ArrayList<>(whereValues); // the count's filter,
        values.addAll(whereValues); // the page's,
        values.addAll(List.of(lead.value(), org.value())); // the lead's
        return jdbc.query(sql, values, rs -> {
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
            return total < 0 ? Optional.<Page<MessageEvent>>empty()
                    : Optional.of(new Page<>(events, total, query.page().limit(), query.page().offset()));
        }, "the events of lead " + lead.value());
    }

    private static <E> String[] wireNames(Set<E> values, Function<E, String> wireName) {
        return values.stream().map(wireName).sorted().toArray(String[]::new);
    }
}
