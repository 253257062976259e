package dev.concierge.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.concierge.adapter.web.archfixture.WebAdapterReachingIntoPersistence;
import dev.concierge.application.archfixture.ApplicationUsingSpring;
import dev.concierge.archfixture.cycle.a.CycleStart;
import dev.concierge.archfixture.cycle.b.CycleEnd;
import dev.concierge.domain.archfixture.DomainUsingReactor;
import dev.concierge.domain.archfixture.DomainUsingSpring;
import org.junit.jupiter.api.Test;

/**
 * Each rule, applied to a deliberately violating class kept in test sources, must report it. A rule that stopped
 * biting would fail here.
 */
class DependencyRuleViolationTest {

    private static EvaluationResult evaluate(ArchRule rule, Class<?>... offenders) {
        JavaClasses classes = new ClassFileImporter().importClasses(offenders);
        return rule.evaluate(classes);
    }

    @Test
    void domainRuleRejectsSpringAndReactorInTheDomain() {
        assertThat(evaluate(DependencyRules.DOMAIN_IMPORTS_ONLY_JAVA, DomainUsingSpring.class).getFailureReport()
                .getDetails()).anyMatch(line -> line.contains("org.springframework"));
        assertThat(evaluate(DependencyRules.DOMAIN_IMPORTS_ONLY_JAVA, DomainUsingReactor.class).hasViolation())
                .isTrue();
    }

    @Test
    void applicationRuleRejectsSpringInTheApplication() {
        EvaluationResult result = evaluate(DependencyRules.APPLICATION_IMPORTS_ONLY_JAVA_REACTOR_AND_DOMAIN,
                ApplicationUsingSpring.class);
        assertThat(result.hasViolation()).isTrue();
        assertThat(evaluate(DependencyRules.APPLICATION_IMPORTS_ONLY_JAVA_REACTOR_AND_DOMAIN,
                dev.concierge.application.service.LoadWidgetService.class).hasViolation())
                .as("a compliant class passes").isFalse();
    }

    @Test
    void adapterRuleRejectsOneAdapterUsingAnother() {
        assertThat(evaluate(DependencyRules.ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER,
                WebAdapterReachingIntoPersistence.class, dev.concierge.adapter.persistence.DatabaseUrl.class)
                .hasViolation()).isTrue();
    }

    @Test
    void springBootRuleRejectsAutoConfigurationOutsideBootstrap() {
        assertThat(evaluate(DependencyRules.ONLY_BOOTSTRAP_USES_SPRING_BOOT, WebAdapterReachingIntoPersistence.class)
                .getFailureReport().getDetails()).anyMatch(line -> line.contains("org.springframework.boot"));
    }

    @Test
    void cycleRuleRejectsTwoPackagesUsingEachOther() {
        assertThat(evaluate(DependencyRules.NO_PACKAGE_CYCLES, CycleStart.class, CycleEnd.class).hasViolation())
                .isTrue();
    }
}
