package com.coachintel.leads.adapter.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Applies the Liquibase changelog. Safe to run from several instances at once: Liquibase serialises
 * them on its lock table, and applied changesets are skipped.
 */
public final class SchemaMigrator {

    /** The root changelog on the classpath. */
    public static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";

    private final DataSource dataSource;

    SchemaMigrator(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Applies every changeset not yet applied; throws {@link SchemaMigrationException} if one fails. */
    public void migrate() {
        quietLiquibase();
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Map<String, Object> scope = Map.of(
                    Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(SchemaMigrator.class.getClassLoader()),
                    // Progress goes to the log (liquibase.* loggers), not straight to stdout.
                    Scope.Attr.ui.name(), new LoggerUIService());
            Scope.child(scope, () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                    // The update summary goes to the log, like everything else, not to stdout.
                    .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                    .execute());
        } catch (SQLException e) {
            throw new SchemaMigrationException("could not connect to the database to migrate it: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new SchemaMigrationException("the schema migration failed: " + e.getMessage(), e);
        }
    }

    /** No banner on stdout and no anonymous usage reporting; an operator's own -D settings win. */
    private static void quietLiquibase() {
        setIfAbsent("liquibase.showBanner", "false");
        setIfAbsent("liquibase.analytics.enabled", "false");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** The schema could not be brought up to date. */
    public static final class SchemaMigrationException extends RuntimeException {
        SchemaMigrationException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
