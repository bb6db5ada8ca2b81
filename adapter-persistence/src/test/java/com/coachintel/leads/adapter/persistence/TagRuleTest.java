package com.coachintel.leads.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.Tag;
import com.coachintel.leads.domain.query.LeadQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The database's tag check and the domain's tag rule are one rule; and one unusual stored row fails nothing. */
class TagRuleTest {

    static TestDatabase db;

    @BeforeAll
    static void open() {
        db = TestPostgres.freshDatabase();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void the_check_accepts_exactly_the_code_points_the_domain_accepts() {
        // Every code point of the BMP and every 13th beyond; surrogates cannot be stored as text at all.
        List<Integer> disagreements = new ArrayList<>();
        db.jdbi().useHandle(h -> h.createQuery("""
                        SELECT cp, tags_have_allowed_characters(ARRAY[chr(cp)]) AS allowed
                        FROM generate_series(1, 1114111) AS cp
                        WHERE (cp < 65536 OR cp % 13 = 0) AND cp NOT BETWEEN 55296 AND 57343""")
                .map((rs, ctx) -> {
                    int codePoint = rs.getInt("cp");
                    if (rs.getBoolean("allowed") != Tag.isAllowedCharacter(codePoint)) {
                        disagreements.add(codePoint);
                    }
                    return null;
                }).list());

        assertThat(disagreements).as("code points the two rules disagree on").isEmpty();
    }

    @Test
    void the_database_refuses_what_the_domain_refuses() {
        UUID org = LeadRows.insertOrg(db, "Refusing Coaching");
        UUID lead = LeadRows.aLead().insert(db, org);
        for (String tag : List.of("=cmd|' /c calc'!a0", "a,b", "tab\there", "zero\u200bwidth", "<b>")) {
            assertThatThrownBy(() -> db.jdbi().useHandle(h -> h.execute("UPDATE leads SET tags = ARRAY[?] WHERE id = ?",
                    tag, lead))).as(tag).hasMessageContaining("leads_tags_characters_check");
        }
        db.jdbi().useHandle(h -> h.execute("UPDATE leads SET tags = ARRAY['50% off', 'emoji🙂', '日本語'] WHERE id = ?", lead));
    }

    @Test
    void a_stored_tag_the_rule_rejects_is_left_out_and_the_list_and_the_export_still_answer() throws Exception {
        try (TestDatabase unchecked = TestPostgres.freshDatabase()) {
            // As if written before any check: the constraint is gone in this database only.
            unchecked.jdbi().useHandle(h -> h.execute("ALTER TABLE leads DROP CONSTRAINT leads_tags_characters_check"));
            UUID org = LeadRows.insertOrg(unchecked, "Unusual Coaching");
            UUID odd = LeadRows.aLead().withEmail("odd@example.com").insert(unchecked, org);
            LeadRows.aLead().withEmail("plain@example.com").withTags("vip").insert(unchecked, org);
            unchecked.jdbi().useHandle(h -> h.execute("UPDATE leads SET tags = ARRAY['=cmd|'' /c calc''!a0', 'vip'] WHERE id = ?",
                    odd));
            PostgresPersistence persistence = new PostgresPersistence(unchecked.dataSource());

            var page = persistence.leadQueries().list(new OrgId(org), LeadQuery.all());
            java.util.List<com.coachintel.leads.domain.LeadListItem> streamed = new java.util.ArrayList<>();
            long rows = persistence.matchingLeads().forEach(new OrgId(org),
                    com.coachintel.leads.domain.query.LeadFilters.none(), streamed::add);

            assertThat(page.items()).hasSize(2);
            assertThat(page.items()).filteredOn(item -> item.id().value().equals(odd))
                    .singleElement().satisfies(item -> assertThat(item.tags()).extracting(Tag::value).containsExactly("vip"));
            assertThat(rows).isEqualTo(2);
            assertThat(streamed).filteredOn(item -> item.id().value().equals(odd))
                    .singleElement().satisfies(item -> assertThat(item.tags()).extracting(Tag::value).containsExactly("vip"));
        }
    }
}
