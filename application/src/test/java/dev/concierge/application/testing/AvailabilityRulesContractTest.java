package dev.concierge.application.testing;

import static dev.concierge.domain.tenant.TenantFixtures.activeTenant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.application.port.out.AvailabilityRules;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.application.port.out.Transactions;
import dev.concierge.domain.booking.AvailabilityRule;
import dev.concierge.domain.booking.AvailabilityRuleId;
import dev.concierge.domain.booking.AvailabilityRuleNotFoundException;
import dev.concierge.domain.booking.Recurrence;
import dev.concierge.domain.tenant.TenantId;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * What every implementation of {@link AvailabilityRules} must do. Subclasses provide an empty store per test, the
 * transactions it takes part in, and the tenant store of the same implementation: the rules' tenants are stored
 * there first, as a database's foreign keys need.
 */
public abstract class AvailabilityRulesContractTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final LocalDate MONDAY = LocalDate.parse("2026-12-07");

    private AvailabilityRules rules;
    private Transactions transactions;
    private TenantId tenant;
    private TenantId otherTenant;

    /** A store holding no rules; called once per test. */
    protected abstract AvailabilityRules rules();

    /** Transactions that the store of {@link #rules()} takes part in; called once per test. */
    protected abstract Transactions transactions();

    /** The tenant store of the same implementation, where the rules' tenants are added; called once per test. */
    protected abstract Tenants tenants();

    @BeforeEach
    void storeTwoTenants() {
        rules = rules();
        transactions = transactions();
        Tenants tenants = tenants();
        tenant = tenants.add(activeTenant().build()).block(TIMEOUT).id();
        otherTenant = tenants.add(activeTenant().build()).block(TIMEOUT).id();
    }

    @Test
    void addedRulesAreFoundExactlyAsStored() {
        List<AvailabilityRule> added = List.of(
                rule(MONDAY, "09:00", AvailabilityRule.DEFAULT_DURATION, Recurrence.WEEKLY, null),
                rule(MONDAY.plusDays(1), "23:55", AvailabilityRule.MIN_DURATION, Recurrence.ONCE, null),
                rule(MONDAY.plusDays(2), "00:00", AvailabilityRule.MAX_DURATION, Recurrence.DAILY,
                        MONDAY.plusDays(40)),
                rule(MONDAY.minusDays(400), "13:45", Duration.ofMinutes(95), Recurrence.WEEKLY, MONDAY.plusYears(3)));

        for (AvailabilityRule rule : added) {
            StepVerifier.create(rules.add(tenant, rule)).expectNext(rule).expectComplete().verify(TIMEOUT);
        }

        for (AvailabilityRule rule : added) {
            StepVerifier.create(rules.findById(tenant, rule.id())).expectNext(rule).expectComplete().verify(TIMEOUT);
        }
    }

    @Test
    void unknownRulesAreEmpty() {
        StepVerifier.create(rules.findById(tenant, AvailabilityRuleId.random())).expectComplete().verify(TIMEOUT);
        StepVerifier.create(rules.list(tenant)).expectComplete().verify(TIMEOUT);
        StepVerifier.create(rules.delete(tenant, AvailabilityRuleId.random())).expectNext(false).expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void anotherTenantsRuleIsNeverFoundChangedOrDeleted() {
        AvailabilityRule theirs = added(tenant, rule(MONDAY, "09:00", Duration.ofMinutes(30), Recurrence.WEEKLY, null));
        AvailabilityRule changed = rule(theirs.id(), MONDAY, "10:00", Duration.ofMinutes(60), Recurrence.DAILY, null);

        StepVerifier.create(rules.findById(otherTenant, theirs.id())).expectComplete().verify(TIMEOUT);
        StepVerifier.create(rules.list(otherTenant)).expectComplete().verify(TIMEOUT);
        StepVerifier.create(rules.update(otherTenant, changed)).expectError(AvailabilityRuleNotFoundException.class)
                .verify(TIMEOUT);
        StepVerifier.create(rules.delete(otherTenant, theirs.id())).expectNext(false).expectComplete().verify(TIMEOUT);

        StepVerifier.create(rules.findById(tenant, theirs.id())).expectNext(theirs).expectComplete().verify(TIMEOUT);
        StepVerifier.create(rules.list(tenant)).expectNext(theirs).expectComplete().verify(TIMEOUT);
    }

    @Test
    void anUpdateReplacesEveryPartOfTheRule() {
        AvailabilityRule before = added(tenant, rule(MONDAY, "09:00", Duration.ofMinutes(30), Recurrence.WEEKLY,
                MONDAY.plusWeeks(10)));
        AvailabilityRule after = rule(before.id(), MONDAY.plusDays(3), "17:15", Duration.ofMinutes(45),
                Recurrence.ONCE, null);

        StepVerifier.create(rules.update(tenant, after)).expectNext(after).expectComplete().verify(TIMEOUT);

        StepVerifier.create(rules.findById(tenant, before.id())).expectNext(after).expectComplete().verify(TIMEOUT);
        StepVerifier.create(rules.list(tenant)).expectNext(after).expectComplete().verify(TIMEOUT);
    }

    @Test
    void updatingAnUnknownRuleFailsAndStoresNothing() {
        AvailabilityRule never = rule(MONDAY, "09:00", Duration.ofMinutes(30), Recurrence.WEEKLY, null);

        StepVerifier.create(rules.update(tenant, never)).expectError(AvailabilityRuleNotFoundException.class)
                .verify(TIMEOUT);

        StepVerifier.create(rules.findById(tenant, never.id())).expectComplete().verify(TIMEOUT);
        StepVerifier.create(rules.list(tenant)).expectComplete().verify(TIMEOUT);
    }

    @Test
    void aDeletedRuleIsGoneAndOnlyTheFirstDeleteFindsIt() {
        AvailabilityRule gone = added(tenant, rule(MONDAY, "09:00", Duration.ofMinutes(30), Recurrence.WEEKLY, null));
        AvailabilityRule kept = added(tenant, rule(MONDAY, "11:00", Duration.ofMinutes(30), Recurrence.WEEKLY, null));

        StepVerifier.create(rules.delete(tenant, gone.id())).expectNext(true).expectComplete().verify(TIMEOUT);
        StepVerifier.create(rules.delete(tenant, gone.id())).expectNext(false).expectComplete().verify(TIMEOUT);

        StepVerifier.create(rules.findById(tenant, gone.id())).expectComplete().verify(TIMEOUT);
        StepVerifier.create(rules.list(tenant)).expectNext(kept).expectComplete().verify(TIMEOUT);
    }

    @Test
    void aRuleWithATakenIdIsRefusedWhateverItsTenantAndNothingOfItStored() {
        AvailabilityRule first = added(tenant, rule(MONDAY, "09:00", Duration.ofMinutes(30), Recurrence.WEEKLY, null));
        AvailabilityRule sameId = rule(first.id(), MONDAY.plusDays(1), "10:00", Duration.ofMinutes(60),
                Recurrence.DAILY, null);

        StepVerifier.create(rules.add(tenant, sameId)).expectError(IllegalStateException.class).verify(TIMEOUT);
        StepVerifier.create(rules.add(otherTenant, sameId)).expectError(IllegalStateException.class).verify(TIMEOUT);

        StepVerifier.create(rules.findById(tenant, first.id())).expectNext(first).expectComplete().verify(TIMEOUT);
        StepVerifier.create(rules.findById(otherTenant, first.id())).expectComplete().verify(TIMEOUT);
        StepVerifier.create(rules.list(otherTenant)).expectComplete().verify(TIMEOUT);
    }

    @Test
    void listsTheTenantsRulesByStartDateThenStartTimeThenId() {
        // Ids that sort differently as unsigned bytes (as databases sort them) and as Java's signed UUID.compareTo.
        AvailabilityRuleId low = new AvailabilityRuleId(new UUID(0x10L, 1));
        AvailabilityRuleId high = new AvailabilityRuleId(new UUID(0x90L << 56, 1));
        AvailabilityRule laterDay = added(tenant, rule(MONDAY.plusDays(1), "08:00", Duration.ofMinutes(30),
                Recurrence.ONCE, null));
        AvailabilityRule sameTimeHigh = added(tenant, rule(high, MONDAY, "10:00", Duration.ofMinutes(30),
                Recurrence.WEEKLY, null));
        AvailabilityRule earlierTime = added(tenant, rule(MONDAY, "09:30", Duration.ofMinutes(90), Recurrence.DAILY,
                MONDAY.plusDays(5)));
        AvailabilityRule sameTimeLow = added(tenant, rule(low, MONDAY, "10:00", Duration.ofMinutes(15),
                Recurrence.ONCE, null));
        AvailabilityRule earlierDay = added(tenant, rule(MONDAY.minusDays(7), "18:00", Duration.ofMinutes(30),
                Recurrence.WEEKLY, null));
        added(otherTenant, rule(MONDAY, "09:00", Duration.ofMinutes(30), Recurrence.WEEKLY, null));

        StepVerifier.create(rules.list(tenant))
                .expectNext(earlierDay, earlierTime, sameTimeLow, sameTimeHigh, laterDay)
                .expectComplete().verify(TIMEOUT);
        StepVerifier.create(rules.list(otherTenant)).expectNextCount(1).expectComplete().verify(TIMEOUT);
    }

    @Test
    void writesInATransactionThatRollsBackLeaveNothing() {
        AvailabilityRule changedLater = added(tenant, rule(MONDAY, "09:00", Duration.ofMinutes(30),
                Recurrence.WEEKLY, null));
        AvailabilityRule deletedLater = added(tenant, rule(MONDAY, "11:00", Duration.ofMinutes(30),
                Recurrence.WEEKLY, null));
        AvailabilityRule addedLater = rule(MONDAY, "13:00", Duration.ofMinutes(30), Recurrence.WEEKLY, null);

        Mono<Object> work = rules.add(tenant, addedLater)
                .then(rules.update(tenant, rule(changedLater.id(), MONDAY, "15:00", Duration.ofMinutes(60),
                        Recurrence.DAILY, null)))
                .then(rules.delete(tenant, deletedLater.id()))
                .then(Mono.error(new IllegalStateException("rolled back")));
        StepVerifier.create(transactions.inTransaction(work)).expectError(IllegalStateException.class).verify(TIMEOUT);

        StepVerifier.create(rules.list(tenant)).expectNext(changedLater, deletedLater).expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void aRefusedWriteLeavesTheSurroundingTransactionUsable() {
        AvailabilityRule first = added(tenant, rule(MONDAY, "09:00", Duration.ofMinutes(30), Recurrence.WEEKLY, null));
        AvailabilityRule next = rule(MONDAY, "12:00", Duration.ofMinutes(30), Recurrence.WEEKLY, null);

        Mono<AvailabilityRule> work = rules.add(tenant, rule(first.id(), MONDAY, "10:00", Duration.ofMinutes(30),
                        Recurrence.ONCE, null))
                .onErrorResume(IllegalStateException.class, e -> Mono.empty())
                .then(rules.update(tenant, rule(MONDAY, "11:00", Duration.ofMinutes(30), Recurrence.ONCE, null)))
                .onErrorResume(AvailabilityRuleNotFoundException.class, e -> Mono.empty())
                .then(rules.add(tenant, next));

        StepVerifier.create(transactions.inTransaction(work)).expectNext(next).expectComplete().verify(TIMEOUT);
        StepVerifier.create(rules.list(tenant)).expectNext(first, next).expectComplete().verify(TIMEOUT);
    }

    private AvailabilityRule added(TenantId tenantId, AvailabilityRule rule) {
        return rules.add(tenantId, rule).block(TIMEOUT);
    }

    private static AvailabilityRule rule(LocalDate startDate, String startTime, Duration duration,
            Recurrence recurrence, LocalDate endDate) {
        return rule(AvailabilityRuleId.random(), startDate, startTime, duration, recurrence, endDate);
    }

    private static AvailabilityRule rule(AvailabilityRuleId id, LocalDate startDate, String startTime,
            Duration duration, Recurrence recurrence, LocalDate endDate) {
        return new AvailabilityRule(id, startDate, LocalTime.parse(startTime), duration, recurrence, endDate);
    }
}
