package com.coachintel.leads.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real modules obey the dependency rule. */
class ArchitectureTest {

    /** Production classes only: no test classes, no test-jars (the fixtures live there on purpose). */
    static final ImportOption PRODUCTION_CODE = (Location location) ->
            !location.contains("/test-classes/") && !location.contains("-tests.jar");

    static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter().withImportOption(PRODUCTION_CODE).importPackages("com.coachintel.leads");
    }

    @ParameterizedTest
    @ValueSource(strings = {"domain", "application", "adapter.http", "adapter.persistence", "adapter.jobs", "bootstrap"})
    void every_module_is_imported_so_no_rule_passes_on_nothing(String module) {
        assertThat(production.stream().filter(c -> c.getPackageName().startsWith("com.coachintel.leads." + module)))
                .as(module).isNotEmpty();
    }

    @Test
    void domain_depends_on_java_only() {
        check(ArchitectureRules.DOMAIN_DEPENDS_ON_JAVA_ONLY);
    }

    @Test
    void application_depends_on_domain_only() {
        check(ArchitectureRules.APPLICATION_DEPENDS_ON_DOMAIN_ONLY);
        check(ArchitectureRules.ONLY_THE_PHONE_PACKAGE_USES_LIBPHONENUMBER);
        check(ArchitectureRules.ONLY_THE_CSV_PACKAGE_USES_FASTCSV);
    }

    @Test
    void core_uses_no_framework() {
        check(ArchitectureRules.CORE_USES_NO_FRAMEWORK);
    }

    @Test
    void adapters_do_not_depend_on_each_other() {
        check(ArchitectureRules.ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER);
    }

    @Test
    void nothing_but_bootstrap_sees_bootstrap() {
        check(ArchitectureRules.NOTHING_BUT_BOOTSTRAP_SEES_BOOTSTRAP);
    }

    @Test
    void http_adapter_uses_only_web_libraries() {
        check(ArchitectureRules.HTTP_ADAPTER_USES_ONLY_WEB_LIBRARIES);
    }

    @Test
    void persistence_adapter_uses_only_storage_libraries() {
        check(ArchitectureRules.PERSISTENCE_ADAPTER_USES_ONLY_STORAGE_LIBRARIES);
    }

    @Test
    void jobs_adapter_uses_only_job_libraries() {
        check(ArchitectureRules.JOBS_ADAPTER_USES_ONLY_JOB_LIBRARIES);
    }

    private static void check(ArchRule rule) {
        rule.check(production);
    }
}
