package com.coachintel.leads.adapter.persistence;

import com.coachintel.leads.domain.HistoryEntry;
import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.query.Page;
import com.coachintel.leads.domain.query.PageRequest;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** A lead's history: its status changes and field changes in one newest-first list. */
final class JdbiLeadHistory {

    private final Jdbi jdbi;

    JdbiLeadHistory(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Optional<Page<HistoryEntry>> history(OrgId org, LeadId lead, PageRequest page) {
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
                    + SqlLiterals.limitOffset(page);
            String countSql = "SELECT count(*) FROM (" + changes + ") c";
            return Optional.of(TotalledPages.read(handle, sql, countSql, Map.of("lead", lead.value(), "org", org.value()),
                    page, (rs, ctx) -> new HistoryEntry(rs.getString("field"), jsonValue(rs, "old"),
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
    private static Object jsonValue(ResultSet rs, String prefix) throws SQLException {
        Array list = rs.getArray(prefix + "_list");
        if (list != null) {
            return List.of((String[]) list.getArray());
        }
        return rs.getString(prefix + "_text");
    }

    private static boolean leadExists(Handle handle, OrgId org, LeadId lead) {
        return handle.createQuery("SELECT EXISTS (SELECT 1 FROM leads WHERE id = :lead AND org_id = :org)")
                .bind("lead", lead.value()).bind("org", org.value()).mapTo(Boolean.class).one();
    }
}
