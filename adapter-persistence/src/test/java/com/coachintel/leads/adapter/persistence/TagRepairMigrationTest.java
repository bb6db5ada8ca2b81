package com.coachintel.leads.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCountCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Test;

/**
 * Upgrading a database whose tags hold what changeset 007's check forbids (written by SQL before it, as the
 * hardening review did): the rows are repaired before the check is validated, the counters follow, and afterwards
 * the database refuses such tags.
 */
class TagRepairMigrationTest {

    @Test
    void tags_with_control_characters_or_semicolons_are_repaired_then_refused() throws Exception {
        try (TestDatabase db = TestPostgres.emptyDatabase()) {
            migrateUpTo(db, "007-tag-characters-check-added");
            UUID org = LeadRows.insertOrg(db, "Acme");
            UUID broken = LeadRows.aLead().insert(db, org);
            UUID fine = LeadRows.aLead().withTags("vip").insert(db, org);
            // Inserted with the new check not yet there: a tab, a semicolon, a tag that is nothing but a control
            // character, and one that becomes a duplicate once repaired.
            db.jdbi().useHandle(h -> h.execute("UPDATE leads SET tags = ARRAY[E'a\\tb', 'x;y', E'\\x07', 'vip', E'vip\\x01']"
                    + " WHERE id = ?", broken));

            new PostgresPersistence(db.dataSource()).schemaMigrator().migrate();

            assertThat(db.scalar(String.class, "SELECT array_to_string(tags, '|') FROM leads WHERE id = ?", broken))
                    .isEqualTo("a b|x y|vip");
            assertThat(db.scalar(Long.class, "SELECT version FROM leads WHERE id = ?", broken)).isEqualTo(2);
            assertThat(db.scalar(Long.class, "SELECT version FROM leads WHERE id = ?", fine)).isEqualTo(1);
            LeadCountersTest.assertCountersMatchCountingIn(db);
            assertThatThrownBy(() -> db.jdbi().useHandle(h -> h.execute("UPDATE leads SET tags = ARRAY['semi;colon']"
                    + " WHERE id = ?", fine))).hasMessageContaining("leads_tags_characters_check");
            assertThatThrownBy(() -> db.jdbi().useHandle(h -> h.execute("UPDATE leads SET tags = ARRAY[E'tab\\there']"
                    + " WHERE id = ?", fine))).hasMessageContaining("leads_tags_characters_check");
        }
    }

    @Test
    void tags_that_007_let_through_and_the_domain_rejects_are_repaired_by_008_then_refused() throws Exception {
        try (TestDatabase db = TestPostgres.emptyDatabase()) {
            migrateUpTo(db, "008-tag-characters-check-dropped");
            UUID org = LeadRows.insertOrg(db, "Acme");
            UUID broken = LeadRows.aLead().insert(db, org);
            db.jdbi().useHandle(h -> h.execute("UPDATE leads SET tags = ARRAY['=cmd|'' /c calc''!a0', E'zero\\u200Bwidth',"
                    + " 'vip', '<vip>', '日本語'] WHERE id = ?", broken));

            new PostgresPersistence(db.dataSource()).schemaMigrator().migrate();

            assertThat(db.scalar(String.class, "SELECT array_to_string(tags, '|') FROM leads WHERE id = ?", broken))
                    .isEqualTo("cmd ' /c calc'!a0|zero width|vip|日本語");
            LeadCountersTest.assertCountersMatchCountingIn(db);
            assertThatThrownBy(() -> db.jdbi().useHandle(h -> h.execute("UPDATE leads SET tags = ARRAY['a=b'] WHERE id = ?",
                    broken))).hasMessageContaining("leads_tags_characters_check");
        }
    }

    /** Applies the changesets before {@code changeSetId}, as an older release of Leads left the schema. */
    private static void migrateUpTo(TestDatabase db, String changeSetId) throws Exception {
        int count = changeSetsBefore(changeSetId);
        try (Connection connection = db.dataSource().getConnection()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Scope.child(Map.of(Scope.Attr.resourceAccessor.name(),
                    new ClassLoaderResourceAccessor(TagRepairMigrationTest.class.getClassLoader())),
                    () -> new CommandScope(UpdateCountCommandStep.COMMAND_NAME)
                            .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                            .addArgumentValue(UpdateCountCommandStep.CHANGELOG_FILE_ARG, SchemaMigrator.CHANGELOG)
                            .addArgumentValue(UpdateCountCommandStep.COUNT_ARG, count)
                            .execute());
        }
    }

    /** How many changesets the changelog lists before {@code changeSetId}, in the master file's order. */
    private static int changeSetsBefore(String changeSetId) {
        Pattern include = Pattern.compile("file: (\\S+)");
        Pattern changeSet = Pattern.compile("^--changeset leads:(\\S+)", Pattern.MULTILINE);
        int count = 0;
        Matcher files = include.matcher(read(SchemaMigrator.CHANGELOG));
        while (files.find()) {
            Matcher sets = changeSet.matcher(read(files.group(1)));
            while (sets.find()) {
                if (sets.group(1).equals(changeSetId)) {
                    return count;
                }
                count++;
            }
        }
        throw new IllegalArgumentException("no changeset " + changeSetId);
    }

    private static String read(String resource) {
        try (InputStream in = TagRepairMigrationTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
