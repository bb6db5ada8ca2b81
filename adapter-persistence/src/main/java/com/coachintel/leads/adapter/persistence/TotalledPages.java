package com.coachintel.leads.adapter.persistence;

import com.coachintel.leads.domain.query.Page;
import com.coachintel.leads.domain.query.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        List<T> items = new ArrayList<>();
        long[] total = {0};
        handle.createQuery(sql).bindMap(parameters).map((rs, ctx) -> {
            total[0] = rs.getLong("total");
            return mapper.map(rs, ctx);
        }).forEach(items::add);
        if (items.isEmpty() && page.offset() > 0) {
            total[0] = handle.createQuery(countSql).bindMap(parameters).mapTo(Long.class).one();
        }
        return new Page<>(items, total[0], page.limit(), page.offset());
    }
}
