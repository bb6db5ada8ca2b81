package com.coachintel.leads.adapter.persistence;

import com.coachintel.leads.domain.LeadListItem;
import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.query.LeadQuery;
import com.coachintel.leads.domain.query.ListPosition;
import com.coachintel.leads.domain.query.Page;
import com.coachintel.leads.domain.query.PageRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The lead list: one page of an org's matching leads and their exact total, from one snapshot. */
final class JdbiLeadList {

    private final ReadRouting reads;

    JdbiLeadList(ReadRouting reads) {
        this.reads = reads;
    }

    /**
     * When the total comes from kept counters and the filter's own index gives the list order, the total and
     * the page are one statement: one round trip, and one statement is one snapshot. A search alone is counted in
     * {@code lead_search} ({@link LeadFilterSql.SearchTablePage}). Otherwise counts first,
     * then fetches the page in the way that fits the count, both in one repeatable-read transaction so the
     * page and its total agree. A small result is fetched whole through the filter's own indexes and sorted;
     * only a large one is read by walking the list order, because the planner's "walk newest-first until
     * {@code limit} rows match" bet is ruinous when few rows match (at 1M leads, a tag that a small org never
     * uses made it read the whole created_at index: 600 ms instead of 15). A page after a position walks the same
     * way from that position, so it costs what the first page costs at any depth.
     */
    Page<LeadListItem> list(OrgId org, LeadQuery query) {
        PageRequest page = query.page();
        Optional<ListPosition> after = query.after();
        Optional<LeadFilterSql.OwnIndexPage> ownIndexPage = LeadFilterSql.ownIndexPage(org, query.filters());
        if (ownIndexPage.isPresent()) {
            LeadFilterSql.OwnIndexPage list = ownIndexPage.get();
            return reads.read(handle -> TotalledPages.read(handle, list.pageSql(page, after), list.parameters(after),
                    list.totalSql(), list.totalParameters(), page, after, (rs, ctx) -> SqlRows.leadListItem(rs)));
        }
        Optional<LeadFilterSql.SearchTablePage> searchTablePage = LeadFilterSql.searchTablePage(org, query.filters());
        if (searchTablePage.isPresent()) {
            return search(searchTablePage.get(), page, after);
        }
        LeadFilterSql filter = LeadFilterSql.of(org, query.filters());
        return reads.read(handle -> {
            // One snapshot for the total and the page, in as few round trips as a transaction can take.
            handle.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
            try {
                long total = handle.createQuery(filter.totalSql()).bindMap(filter.parameters()).mapTo(Long.class).one();
                if (total <= page.offset() || total == 0) {
                    return new Page<LeadListItem>(List.of(), total, page.limit(), page.offset());
                }
                String sql = total <= LeadFilterSql.SMALL_RESULT ? filter.smallResultPageSql(page, after)
                        : filter.pageSql(page, after);
                List<LeadListItem> rows = handle.createQuery(sql).bindMap(filter.parameters(after))
                        .map((rs, ctx) -> SqlRows.leadListItem(rs)).list();
                if (after.isEmpty()) {
                    return new Page<>(rows, total, page.limit(), page.offset());
                }
                return Page.fromOneMoreThan(rows, total, page.limit());
            } finally {
                handle.execute("COMMIT"); // read only: after a failure this ends the aborted transaction
            }
        });
    }

    /** A search alone: the total, then the page by a bounded walk or from the sorted matches, in one snapshot. */
    private Page<LeadListItem> search(LeadFilterSql.SearchTablePage search, PageRequest page, Optional<ListPosition> after) {
        return reads.read(handle -> {
            handle.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
            try {
                Map<String, Object> counts = handle.createQuery(search.countSql()).bindMap(search.searchParameters())
                        .mapToMap().one();
                long total = ((Number) counts.get("total")).longValue();
                long orgLeads = ((Number) counts.get("org_leads")).longValue();
                if (total <= page.offset() || total == 0) {
                    return new Page<LeadListItem>(List.of(), total, page.limit(), page.offset());
                }
                Map<String, Object> parameters = search.parameters(after);
                Optional<Integer> walk = LeadFilterSql.SearchTablePage.walkLength(page, total, orgLeads);
                List<LeadListItem> rows = null;
                if (walk.isPresent()) {
                    rows = handle.createQuery(search.walkSql(page, after, walk.get())).bindMap(parameters)
                            .map((rs, ctx) -> SqlRows.leadListItem(rs)).list();
                    // A walk that met fewer matches than the page holds may have stopped short of them.
                    long wanted = after.isPresent() ? page.limit() + 1 : Math.min(page.limit(), total - page.offset());
                    if (rows.size() < wanted) {
                        rows = null;
                    }
                }
                if (rows == null) {
                    rows = handle.createQuery(search.tableSql(page, after)).bindMap(parameters)
                            .map((rs, ctx) -> SqlRows.leadListItem(rs)).list();
                }
                return after.isEmpty() ? new Page<>(rows, total, page.limit(), page.offset())
                        : Page.fromOneMoreThan(rows, total, page.limit());
            } finally {
                handle.execute("COMMIT"); // read only: after a failure this ends the aborted transaction
            }
        });
    }
}
