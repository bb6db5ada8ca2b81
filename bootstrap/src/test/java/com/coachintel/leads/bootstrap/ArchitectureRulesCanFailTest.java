package com.coachintel.leads.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachintel.leads.adapter.http.archfixture.HttpClassUsingPersistence;
import com.coachintel.leads.adapter.jobs.archfixture.JobsClassUsingJdbi;
import com.coachintel.leads.adapter.persistence.archfixture.PersistenceClassUsingBootstrapAndJavalin;
import com.coachintel.leads.application.archfixture.ApplicationClassUsingAnAdapter;
import com.coachintel.leads.application.archfixture.ApplicationClassUsingJackson;
import com.coachintel.leads.application.archfixture.ApplicationClassUsingFastCsv;
import com.coachintel.leads.application.archfixture.ApplicationClassUsingLibphonenumber;
import com.coachintel.leads.application.csv.archfixture.CsvClassUsingJackson;
import com.coachintel.leads.application.phone.archfixture.PhoneClassUsingJackson;
import com.coachintel.leads.domain.archfixture.DomainClassUsingALoggingLibrary;
import com.coachintel.leads.domain.archfixture.DomainClassUsingJdbc;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each architecture rule, run on a small class that breaks it, reports that class. */
class ArchitectureRulesCanFailTest {

    static JavaClasses fixtures;

    @BeforeAll
    static void importFixtures() {
        fixtures = new ClassFileImporter().importClasses(
                DomainClassUsingALoggingLibrary.class, DomainClassUsingJdbc.class,
                ApplicationClassUsingAnAdapter.class, ApplicationClassUsingJackson.class,
                ApplicationClassUsingLibphonenumber.class, ApplicationClassUsingFastCsv.class, CsvClassUsingJackson.class,
                PhoneClassUsingJackson.class,
                HttpClassUsingPersistence.class, PersistenceClassUsingBootstrapAndJavalin.class, JobsClassUsingJdbi.class);
    }

    @Test
    void domain_rule_fails_on_a_domain_class_using_a_library() {
        assertViolatedBy(ArchitectureRules.DOMAIN_DEPENDS_ON_JAVA_ONLY, DomainClassUsingALoggingLibrary.class);
    }

    @Test
    void application_rule_fails_on_an_application_class_using_an_adapter() {
        assertViolatedBy(ArchitectureRules.APPLICATION_DEPENDS_ON_DOMAIN_ONLY, ApplicationClassUsingAnAdapter.class);
    }

    @Test
    void application_rule_fails_on_libphonenumber_outside_the_phone_package() {
        assertViolatedBy(ArchitectureRules.APPLICATION_DEPENDS_ON_DOMAIN_ONLY, ApplicationClassUsingLibphonenumber.class);
    }

    @Test
    void application_rule_fails_on_fastcsv_outside_the_csv_package() {
        assertViolatedBy(ArchitectureRules.APPLICATION_DEPENDS_ON_DOMAIN_ONLY, ApplicationClassUsingFastCsv.class);
    }

    @Test
    void the_phone_and_csv_packages_may_use_their_one_library_and_nothing_else() {
        assertViolatedBy(ArchitectureRules.ONLY_THE_PHONE_PACKAGE_USES_LIBPHONENUMBER, PhoneClassUsingJackson.class);
        assertViolatedBy(ArchitectureRules.ONLY_THE_CSV_PACKAGE_USES_FASTCSV, CsvClassUsingJackson.class);
    }

    @Test
    void framework_rule_fails_on_jdbc_in_the_domain_and_jackson_in_the_application() {
        assertViolatedBy(ArchitectureRules.CORE_USES_NO_FRAMEWORK, DomainClassUsingJdbc.class);
        assertViolatedBy(ArchitectureRules.CORE_USES_NO_FRAMEWORK, ApplicationClassUsingJackson.class);
    }

    @Test
    void adapter_rule_fails_on_an_adapter_using_another() {
        assertViolatedBy(ArchitectureRules.ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER, HttpClassUsingPersistence.class);
    }

    @Test
    void bootstrap_rule_fails_on_an_adapter_using_bootstrap() {
        assertViolatedBy(ArchitectureRules.NOTHING_BUT_BOOTSTRAP_SEES_BOOTSTRAP, PersistenceClassUsingBootstrapAndJavalin.class);
    }

    @Test
    void http_library_rule_fails_on_jdbi_in_the_http_adapter() {
        assertViolatedBy(ArchitectureRules.HTTP_ADAPTER_USES_ONLY_WEB_LIBRARIES, HttpClassUsingPersistence.class);
    }

    @Test
    void persistence_library_rule_fails_on_javalin_in_the_persistence_adapter() {
        assertViolatedBy(ArchitectureRules.PERSISTENCE_ADAPTER_USES_ONLY_STORAGE_LIBRARIES,
                PersistenceClassUsingBootstrapAndJavalin.class);
    }

    @Test
    void jobs_library_rule_fails_on_jdbi_in_the_jobs_adapter() {
        assertViolatedBy(ArchitectureRules.JOBS_ADAPTER_USES_ONLY_JOB_LIBRARIES, JobsClassUsingJdbi.class);
    }

    private static void assertViolatedBy(ArchRule rule, Class<?> offender) {
        EvaluationResult result = rule.evaluate(fixtures);
        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        assertThat(result.getFailureReport().getDetails()).as(rule.getDescription())
                .anySatisfy(line -> assertThat(line).contains(offender.getSimpleName()));
    }
}
