package com.coachintel.leads.adapter.persistence;

import com.coachintel.leads.domain.query.ListPosition;
import com.coachintel.leads.domain.query.Page;
import com.coachintel.leads.domain.query.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** A page whose rows each carry the whole result's {@code total}: one statement, one round trip, one snapshot. */
final class TotalledPages {

    private TotalledPages() {
    }

    /**
     * Runs a page statement that also selects {@code total}. A page past the end has no row to carry the total, so
     * only then {@code countSql} runs on its own.
     */
    static <T> Page<T> read(Handle handle, String sql, String countSql, Map<String, Object> parameters, PageRequest page,
            RowMapper<T> mapper) {
        return read(handle, sql, parameters, countSql, parameters, page, Optional.empty(), mapper);
    }

    /**
     * The same for a page that may start after a position: then the statement reads one row more than the page
     * ({@link LeadFilterSql#pageLimit}), which says whether another page follows. The count has values of its own:
     * it does not bind the position.
     */
    static <T> Page<T> read(Handle handle, String sql, Map<String, Object> parameters, String countSql,
            Map<String, Object> countParameters, PageRequest page, Optional<ListPosition> after, RowMapper<T> mapper) {
        List<T> rows = new ArrayList<>();
        long[] total = {0};
        handle.createQuery(sql).bindMap(parameters).map((rs, ctx) -> {
            total[0] = rs.getLong("total");
            return mapper.map(rs, ctx);
        }).forEach(rows::add);
        if (rows.isEmpty() && (page.offset() > 0 || after.isPresent())) {
            total[0] = handle.createQuery(countSql).bindMap(countParameters).mapTo(Long.class).one();
        }
        if (after.isEmpty()) {
            return new Page<>(rows, total[0], page.limit(), page.offset());
        }
        return Page.fromOneMoreThan(rows, total[0], page.limit());
    }
}
