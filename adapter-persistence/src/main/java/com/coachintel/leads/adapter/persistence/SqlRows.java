package com.coachintel.leads.adapter.persistence;

import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.LeadListItem;
import com.coachintel.leads.domain.LeadStatus;
import com.coachintel.leads.domain.Tag;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Column reading and writing shared by the SQL of this adapter. */
final class SqlRows {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SqlRows.class);

    /**
     * The columns {@link #leadListItem} reads, qualified with {@code l.}. Tags come as one text joined by the
     * unit separator (U+001F, which no tag contains): pgjdbc's {@code getArray} costs far more per row.
     */
    static final String LEAD_LIST_COLUMNS = """
            l.id, l.created_at, l.updated_at, l.status, l.first_name, l.last_name, l.email, l.phone,
            array_to_string(l.tags, E'\\x1F') AS tags, l.source, l.utm_source, l.utm_medium, l.utm_campaign,
            l.last_contacted_at, l.version""";
    private static final String TAG_SEPARATOR = "\u001F";

    private SqlRows() {
    }

    static LeadListItem leadListItem(ResultSet rs) throws SQLException {
        return new LeadListItem(
                new LeadId(rs.getObject("id", UUID.class)),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                status(rs.getString("status")),
                rs.getString("first_name"),
                rs.getString("last_name"),
                rs.getString("email"),
                rs.getString("phone"),
                joinedTags(rs.getObject("id", UUID.class), rs.getString("tags")),
                rs.getString("source"),
                rs.getString("utm_source"),
                rs.getString("utm_medium"),
                rs.getString("utm_campaign"),
                instant(rs, "last_contacted_at"),
                rs.getLong("version"));
    }

    static LeadStatus status(String stored) {
        return stored == null ? null : LeadStatus.fromWireName(stored)
                .orElseThrow(() -> new IllegalStateException("unknown status in the database: " + stored));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Instants are bound as timestamptz values, never as zone-less timestamps. */
    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static List<Tag> joinedTags(UUID lead, String joined) {
        if (joined == null || joined.isEmpty()) {
            return List.of();
        }
        List<Tag> tags = new ArrayList<>();
        for (String value : joined.split(TAG_SEPARATOR, -1)) {
            addStoredTag(lead, value, tags);
        }
        return tags;
    }

    static List<Tag> tags(UUID lead, Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        String[] values = (String[]) array.getArray();
        List<Tag> tags = new ArrayList<>(values.length);
        for (String value : values) {
            addStoredTag(lead, value, tags);
        }
        return tags;
    }

    /**
     * A stored tag the domain's rule rejects (written around the application, before a check existed) is left out of
     * what is read, with a warning naming the lead, never the tag: one unusual row must not fail a whole list or
     * export. The database's check keeps new ones out (changeset 008).
     */
    private static void addStoredTag(UUID lead, String value, List<Tag> tags) {
        try {
            tags.add(new Tag(value));
        } catch (IllegalArgumentException e) {
            LOG.warn("Lead {} has a stored tag that the tag rule rejects; it is left out of what is read", lead);
        }
    }
}
