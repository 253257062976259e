package dev.concierge.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rule of DESIGN.md as executable rules. {@link DependencyRuleTest} applies them to the production
 * classes; {@link DependencyRuleViolationTest} proves each one rejects a class that breaks it.
 */
final class DependencyRules {

    /** The domain model is plain Java. */
    static final ArchRule DOMAIN_IMPORTS_ONLY_JAVA = classes()
            .that().resideInAPackage("dev.concierge.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.concierge.domain..")
            .as("core-domain imports only java.*");

    /** The application core knows the domain and Reactor, nothing else. */
    static final ArchRule APPLICATION_IMPORTS_ONLY_JAVA_REACTOR_AND_DOMAIN = classes()
            .that().resideInAPackage("dev.concierge.application..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "reactor..", "org.reactivestreams..",
                    "dev.concierge.domain..", "dev.concierge.application..")
            .as("application imports only java.*, reactor.*, org.reactivestreams.* and core-domain");

    /** Adapters talk to the core, never to each other. */
    static final ArchRule ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER = slices()
            .matching("dev.concierge.adapter.(*)..")
            .should().notDependOnEachOther()
            .as("adapters never import each other");

    /** Spring Boot, auto-configuration included, is known to the bootstrap module alone. */
    static final ArchRule ONLY_BOOTSTRAP_USES_SPRING_BOOT = noClasses()
            .that().resideOutsideOfPackage("dev.concierge.bootstrap..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework.boot..")
            .as("only bootstrap uses Spring Boot and its auto-configuration");

    /** Packages form a directed graph. */
    static final ArchRule NO_PACKAGE_CYCLES = slices()
            .matching("dev.concierge.(**)")
            .should().beFreeOfCycles()
            .as("no cycles between packages");

    private DependencyRules() {
    }
}
