package com.coachintel.leads.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rule of the hexagon, one readable rule per forbidden direction. Each is shown to
 * pass on the real modules ({@link ArchitectureTest}) and to fail on a small violating fixture
 * ({@link ArchitectureRulesCanFailTest}): a rule that cannot fail proves nothing.
 */
final class ArchitectureRules {

    static final String DOMAIN = "com.coachintel.leads.domain..";
    static final String APPLICATION = "com.coachintel.leads.application..";
    static final String ADAPTERS = "com.coachintel.leads.adapter..";
    static final String HTTP_ADAPTER = "com.coachintel.leads.adapter.http..";
    static final String PERSISTENCE_ADAPTER = "com.coachintel.leads.adapter.persistence..";
    static final String JOBS_ADAPTER = "com.coachintel.leads.adapter.jobs..";
    static final String BOOTSTRAP = "com.coachintel.leads.bootstrap..";

    private static final String[] WEB_LIBRARIES = {"io.javalin..", "org.eclipse.jetty..", "jakarta.servlet.."};
    private static final String[] STORAGE_LIBRARIES = {
        "org.jdbi..", "liquibase..", "com.zaxxer.hikari..", "org.postgresql..", "java.sql..", "javax.sql.."};
    private static final String[] JOB_LIBRARIES = {"org.jobrunr.."};
    private static final String[] JSON_LIBRARIES = {"com.fasterxml.jackson..", "tools.jackson.."};

    static final ArchRule DOMAIN_DEPENDS_ON_JAVA_ONLY = classes()
            .that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN)
            .as("the domain depends on java.* only");

    static final String PHONE_PACKAGE = "com.coachintel.leads.application.phone..";
    private static final String PHONE_LIBRARY = "com.google.i18n.phonenumbers..";

    static final String CSV_PACKAGE = "com.coachintel.leads.application.csv..";
    private static final String CSV_LIBRARY = "de.siegmar.fastcsv..";

    static final ArchRule APPLICATION_DEPENDS_ON_DOMAIN_ONLY = classes()
            .that().resideInAPackage(APPLICATION).and().resideOutsideOfPackages(PHONE_PACKAGE, CSV_PACKAGE)
            // javax.crypto is the JDK's HMAC, for signed unsubscribe links: part of the platform, not a framework.
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.crypto..", DOMAIN, APPLICATION)
            .as("the application depends on the domain (and the JDK: java.*, javax.crypto) only");

    /** Decision 0012: libphonenumber, a value library, in the one package that implements the phone port. */
    static final ArchRule ONLY_THE_PHONE_PACKAGE_USES_LIBPHONENUMBER = classes()
            .that().resideInAPackage(PHONE_PACKAGE)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN, APPLICATION, PHONE_LIBRARY)
            .as("application.phone depends on the domain, the JDK and libphonenumber only");

    /** Decision 0013: FastCSV, a formatting library, in the one package that writes leads as CSV. */
    static final ArchRule ONLY_THE_CSV_PACKAGE_USES_FASTCSV = classes()
            .that().resideInAPackage(CSV_PACKAGE)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN, APPLICATION, CSV_LIBRARY)
            .as("application.csv depends on the domain, the JDK and FastCSV only");

    static final ArchRule CORE_USES_NO_FRAMEWORK = noClasses()
            .that().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().dependOnClassesThat().resideInAnyPackage(concat(WEB_LIBRARIES, STORAGE_LIBRARIES, JOB_LIBRARIES, JSON_LIBRARIES))
            .as("domain and application use no Javalin, Jdbi, JobRunr, Liquibase, Hikari, Jackson or JDBC types");

    static final ArchRule ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER = slices()
            .matching("com.coachintel.leads.adapter.(*)..")
            .should().notDependOnEachOther()
            .as("adapters never depend on another adapter");

    static final ArchRule NOTHING_BUT_BOOTSTRAP_SEES_BOOTSTRAP = noClasses()
            .that().resideInAnyPackage(DOMAIN, APPLICATION, ADAPTERS)
            .should().dependOnClassesThat().resideInAPackage(BOOTSTRAP)
            .as("only bootstrap knows bootstrap");

    static final ArchRule HTTP_ADAPTER_USES_ONLY_WEB_LIBRARIES = noClasses()
            .that().resideInAPackage(HTTP_ADAPTER)
            .should().dependOnClassesThat().resideInAnyPackage(concat(STORAGE_LIBRARIES, JOB_LIBRARIES))
            .as("the HTTP adapter uses no storage or job libraries");

    static final ArchRule PERSISTENCE_ADAPTER_USES_ONLY_STORAGE_LIBRARIES = noClasses()
            .that().resideInAPackage(PERSISTENCE_ADAPTER)
            .should().dependOnClassesThat().resideInAnyPackage(concat(WEB_LIBRARIES, JOB_LIBRARIES))
            .as("the persistence adapter uses no web or job libraries");

    static final ArchRule JOBS_ADAPTER_USES_ONLY_JOB_LIBRARIES = noClasses()
            .that().resideInAPackage(JOBS_ADAPTER)
            .should().dependOnClassesThat().resideInAnyPackage(concat(WEB_LIBRARIES, new String[] {"org.jdbi..", "liquibase.."}))
            .as("the jobs adapter uses no web, Jdbi or Liquibase types (JobRunr's own storage takes a DataSource)");

    private ArchitectureRules() {
    }

    private static String[] concat(String[]... groups) {
        return java.util.Arrays.stream(groups).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }
}
