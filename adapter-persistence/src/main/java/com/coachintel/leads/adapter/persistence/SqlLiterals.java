package com.coachintel.leads.adapter.persistence;

import com.coachintel.leads.domain.LeadStatus;
import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.query.PageRequest;

/**
 * The one way a value is written into SQL text instead of bound. Values are bound everywhere else; these few are
 * written in on purpose, because binding them was measured to cost a good plan (see each caller), and each comes
 * from a validated domain type whose text cannot carry SQL.
 */
final class SqlLiterals {

    private SqlLiterals() {
    }

    /**
     * An org as a literal, for statements whose plan PostgreSQL must make per org (see
     * {@link LeadFilterSql.OwnIndexPage}). {@link java.util.UUID#toString()} is hex digits and dashes.
     */
    static String org(OrgId org) {
        return "'" + org.value() + "'::uuid";
    }

    /** A status as a literal, for the same statements: a wire name is lower-case letters. */
    static String status(LeadStatus status) {
        return "'" + status.wireName() + "'";
    }

    /**
     * LIMIT and OFFSET of a page: as parameters, a cached generic plan cannot know the page is small and sorts
     * every match instead of walking the index. A {@link PageRequest} holds validated whole numbers.
     */
    static String limitOffset(PageRequest page) {
        return " LIMIT " + page.limit() + " OFFSET " + page.offset();
    }

    /** A LIMIT of at most {@code rows} (0 or more), for the same reason as {@link #limitOffset}. */
    static String limit(int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("a negative limit: " + rows);
        }
        return " LIMIT " + rows;
    }
}
