package dev.concierge.adapter.persistence.availability;

import static dev.concierge.domain.tenant.TenantFixtures.activeTenant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.adapter.persistence.tenant.R2dbcTenants;
import dev.concierge.adapter.persistence.transaction.R2dbcTransactions;
import dev.concierge.application.port.out.AvailabilityRules;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.application.port.out.Transactions;
import dev.concierge.application.testing.AvailabilityRulesContractTest;
import dev.concierge.domain.booking.AvailabilityRule;
import dev.concierge.domain.booking.AvailabilityRuleId;
import dev.concierge.domain.booking.Recurrence;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantId;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The {@link AvailabilityRules} contract plus what is specific to a database: rules go with their tenant, the checks
 * hold, statements run on non-blocking threads and the list is read through the index. Subclasses provide a
 * migrated, empty database.
 */
abstract class R2dbcAvailabilityRulesTestBase extends AvailabilityRulesContractTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final LocalDate MONDAY = LocalDate.parse("2026-12-07");

    /** A connection factory for a migrated database without rules or tenants. */
    protected abstract ConnectionFactory connectionFactory();

    /** Makes the database prefer an index it could use over reading the whole (tiny) table, for the current transaction. */
    protected abstract Mono<Void> preferIndexes(DatabaseClient database);

    @Override
    protected AvailabilityRules rules() {
        return R2dbcAvailabilityRules.using(connectionFactory());
    }

    @Override
    protected Transactions transactions() {
        return R2dbcTransactions.using(connectionFactory());
    }

    @Override
    protected Tenants tenants() {
        return R2dbcTenants.using(connectionFactory(), Clock.systemUTC());
    }

    @Test
    void rulesGoWithTheirTenant() {
        Tenant tenant = tenants().add(activeTenant().build()).block(TIMEOUT);
        AvailabilityRules rules = rules();
        AvailabilityRule rule = weekly(LocalTime.of(9, 0));
        rules.add(tenant.id(), rule).block(TIMEOUT);

        DatabaseClient.create(connectionFactory()).sql("DELETE FROM tenant WHERE id = :id")
                .bind("id", tenant.id().value()).then().block(TIMEOUT);

        StepVerifier.create(rules.findById(tenant.id(), rule.id())).expectComplete().verify(TIMEOUT);
    }

    @Test
    void aRuleOfAnUnknownTenantIsRefused() {
        StepVerifier.create(rules().add(TenantId.random(), weekly(LocalTime.of(9, 0))))
                .expectError(DataIntegrityViolationException.class).verify(TIMEOUT);
    }

    @Test
    void checkConstraintsRefuseWhatTheDomainDoesNot() {
        Tenant tenant = tenants().add(activeTenant().build()).block(TIMEOUT);
        AvailabilityRules rules = rules();
        AvailabilityRule rule = rules.add(tenant.id(), weekly(LocalTime.of(9, 0))).block(TIMEOUT);

        for (String change : List.of("recurrence = 'MONTHLY'", "duration_minutes = 0", "end_date = start_date - 1",
                "recurrence = 'ONCE', end_date = start_date")) {
            StepVerifier.create(DatabaseClient.create(connectionFactory())
                            .sql("UPDATE availability_rule SET " + change + " WHERE id = :id")
                            .bind("id", rule.id().value()).fetch().rowsUpdated())
                    .expectError(DataIntegrityViolationException.class).verify(TIMEOUT);
        }
        StepVerifier.create(rules.findById(tenant.id(), rule.id())).expectNext(rule).expectComplete().verify(TIMEOUT);
    }

    @Test
    void worksWhenCalledFromANonBlockingThread() {
        Tenant tenant = tenants().add(activeTenant().build()).block(TIMEOUT);
        AvailabilityRules rules = rules();
        AvailabilityRule rule = weekly(LocalTime.of(9, 0));

        // Mono.delay emits on Reactor's parallel scheduler, whose threads BlockHound treats as non-blocking.
        Mono<Boolean> flow = Mono.delay(Duration.ofMillis(1))
                .then(rules.add(tenant.id(), rule))
                .then(rules.update(tenant.id(), weekly(rule.id(), LocalTime.of(10, 0))))
                .then(rules.findById(tenant.id(), rule.id()))
                .thenMany(rules.list(tenant.id()))
                .then(rules.delete(tenant.id(), rule.id()));

        StepVerifier.create(flow).expectNext(true).expectComplete().verify(TIMEOUT);
    }

    @Test
    void aTenantsRulesAreListedThroughTheIndexLeadingWithTheTenant() {
        String list = "SELECT * FROM availability_rule WHERE tenant_id = :tenantId"
                + " ORDER BY start_date, start_time, id";

        DatabaseClient database = DatabaseClient.create(connectionFactory());
        Mono<String> plan = preferIndexes(database).then(database.sql("EXPLAIN " + list)
                .bind("tenantId", UUID.randomUUID())
                .map(row -> row.get(0, String.class))
                .all()
                .reduce("", (text, line) -> text + line + "\n"));

        // H2 gives the foreign key an index of its own, which leads with tenant_id too, and prefers that one.
        assertThat(R2dbcTransactions.using(connectionFactory()).inTransaction(plan).block(TIMEOUT))
                .containsAnyOf("ix_availability_rule_tenant", "FK_AVAILABILITY_RULE_TENANT");
    }

    private static AvailabilityRule weekly(LocalTime at) {
        return weekly(AvailabilityRuleId.random(), at);
    }

    private static AvailabilityRule weekly(AvailabilityRuleId id, LocalTime at) {
        return new AvailabilityRule(id, MONDAY, at, Duration.ofMinutes(30), Recurrence.WEEKLY, null);
    }
}
