package dev.concierge.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;

class DependencyRuleTest {

    @Test
    void everyModuleIsImported() {
        assertThat(ProductionClasses.ALL.stream().map(JavaClass::getPackageName))
                .anyMatch(p -> p.startsWith("dev.concierge.domain"))
                .anyMatch(p -> p.startsWith("dev.concierge.application"))
                .anyMatch(p -> p.startsWith("dev.concierge.adapter.web"))
                .anyMatch(p -> p.startsWith("dev.concierge.adapter.persistence"))
                .anyMatch(p -> p.startsWith("dev.concierge.bootstrap"))
                .noneMatch(p -> p.contains("archfixture") || p.endsWith(".testing"));
    }

    @Test
    void coreDomainImportsOnlyJava() {
        DependencyRules.DOMAIN_IMPORTS_ONLY_JAVA.check(ProductionClasses.ALL);
    }

    @Test
    void applicationImportsOnlyJavaReactorAndDomain() {
        DependencyRules.APPLICATION_IMPORTS_ONLY_JAVA_REACTOR_AND_DOMAIN.check(ProductionClasses.ALL);
    }

    @Test
    void adaptersDoNotDependOnEachOther() {
        DependencyRules.ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER.check(ProductionClasses.ALL);
    }

    @Test
    void onlyBootstrapUsesSpringBoot() {
        DependencyRules.ONLY_BOOTSTRAP_USES_SPRING_BOOT.check(ProductionClasses.ALL);
    }

    @Test
    void packagesAreFreeOfCycles() {
        DependencyRules.NO_PACKAGE_CYCLES.check(ProductionClasses.ALL);
    }
}
