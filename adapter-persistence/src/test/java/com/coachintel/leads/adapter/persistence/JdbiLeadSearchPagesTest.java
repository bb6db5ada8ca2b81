package com.coachintel.leads.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachintel.leads.domain.LeadListItem;
import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.port.LeadQueries;
import com.coachintel.leads.domain.query.LeadFilters;
import com.coachintel.leads.domain.query.LeadQuery;
import com.coachintel.leads.domain.query.Page;
import com.coachintel.leads.domain.query.PageRequest;
import com.coachintel.leads.domain.query.SearchTerm;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A search's pages are the same whichever way they are found: by a walk of the list order that meets enough matches,
 * by a walk that stops short and falls back to sorting the matches, or by sorting them straight away.
 */
class JdbiLeadSearchPagesTest {

    static TestDatabase db;
    static LeadQueries queries;
    static OrgId org;

    @BeforeAll
    static void open() {
        db = TestPostgres.freshDatabase();
        queries = new PostgresPersistence(db.dataSource()).leadQueries();
        UUID id = LeadRows.insertOrg(db, "Searched");
        org = new OrgId(id);
        // 3,000 leads, one a minute: the oldest 1,000 are "Harper"s (dense, but all far from the newest end), every
        // 40th of the rest is a "Quill" (sparse and spread), and a few share a created_at to test the id tie-break.
        db.jdbi().useHandle(h -> h.execute("""
                INSERT INTO leads (org_id, email, first_name, last_name, created_at)
                SELECT ?, 'lead' || n || '@example.com', 'Lead',
                       CASE WHEN n <= 1000 THEN 'Harper' WHEN n % 40 = 0 THEN 'Quill' ELSE 'Other' END,
                       timestamptz '2026-01-01 00:00:00+00' + (CASE WHEN n % 500 = 7 THEN n - 1 ELSE n END) * interval '1 minute'
                FROM generate_series(1, 3000) AS n""", id));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    /** The matching leads' ids, newest first, by counting SQL of their own. */
    private static List<UUID> expected(String term) {
        return db.jdbi().withHandle(h -> h.createQuery("""
                SELECT id FROM leads WHERE org_id = :org AND strpos(lead_search_text(email, first_name, last_name), lower(:term)) > 0
                ORDER BY created_at DESC, id DESC""").bind("org", org.value()).bind("term", term).mapTo(UUID.class).list());
    }

    private static LeadFilters search(String term) {
        return LeadFilters.none().withSearch(Optional.of(new SearchTerm(term)));
    }

    private static List<UUID> ids(Page<LeadListItem> page) {
        return page.items().stream().map(item -> item.id().value()).toList();
    }

    @Test
    void offset_pages_equal_the_matches_in_list_order_dense_far_sparse_and_beyond_the_walk() {
        for (String term : List.of("harper", "quill", "lead", "other")) {
            List<UUID> all = expected(term);
            for (int offset : new int[] {0, 50, 975, all.size() - 10, all.size() + 5}) {
                if (offset < 0) {
                    continue;
                }
                Page<LeadListItem> page = queries.list(org, new LeadQuery(search(term), new PageRequest(50, offset)));
                assertThat(page.total()).as(term + " total").isEqualTo(all.size());
                assertThat(ids(page)).as(term + " at offset " + offset)
                        .isEqualTo(all.subList(Math.min(offset, all.size()), Math.min(offset + 50, all.size())));
            }
        }
    }

    @Test
    void a_cursor_walk_meets_every_match_once_in_list_order() {
        for (String term : List.of("harper", "quill", "lead")) {
            List<UUID> walked = new ArrayList<>();
            LeadQuery query = new LeadQuery(search(term), new PageRequest(100, 0));
            Page<LeadListItem> page = queries.list(org, query);
            walked.addAll(ids(page));
            while (page.hasMore()) {
                LeadListItem last = page.items().get(page.items().size() - 1);
                page = queries.list(org, query.after(new com.coachintel.leads.domain.query.ListPosition(last.createdAt(), last.id())));
                assertThat(page.total()).isEqualTo(expected(term).size());
                walked.addAll(ids(page));
            }
            assertThat(walked).as(term).isEqualTo(expected(term));
        }
    }
}
