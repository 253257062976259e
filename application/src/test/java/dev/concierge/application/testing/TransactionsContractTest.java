package dev.concierge.application.testing;

import static dev.concierge.domain.tenant.TenantFixtures.activeTenant;
import static dev.concierge.domain.tenant.TenantFixtures.pendingTenant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.application.port.out.Tenants;
import dev.concierge.application.port.out.Transactions;
import dev.concierge.domain.tenant.ClientKeyTakenException;
import dev.concierge.domain.tenant.OwnerEmailTakenException;
import dev.concierge.domain.tenant.Tenant;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * What every implementation of {@link Transactions} must do, shown with the {@link Tenants} store of the same
 * implementation. Subclasses provide both, over one empty store per test.
 */
public abstract class TransactionsContractTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private Tenants tenants;
    private Transactions transactions;

    /** Transactions over the store that {@link #tenants()} writes to. */
    protected abstract Transactions transactions();

    /** A store holding no tenants, taking part in the transactions of {@link #transactions()}. */
    protected abstract Tenants tenants();

    private Tenants store() {
        if (tenants == null) {
            tenants = tenants();
        }
        return tenants;
    }

    private Transactions tx() {
        if (transactions == null) {
            transactions = transactions();
        }
        return transactions;
    }

    @Test
    void writesThatAllSucceedCommitTogether() {
        Tenant first = pendingTenant().build();
        Tenant second = pendingTenant().build();

        StepVerifier.create(tx().inTransaction(store().add(first).then(store().add(second))))
                .expectNext(second).expectComplete().verify(TIMEOUT);

        assertStored(first);
        assertStored(second);
    }

    @Test
    void secondWriteFailingLeavesNeitherStoredAndItsErrorReachesTheCaller() {
        Tenant first = pendingTenant().build();
        Tenant clash = pendingTenant().withClientKey(first.clientKey().value()).build();

        StepVerifier.create(tx().inTransaction(store().add(first).then(store().add(clash))))
                .expectError(ClientKeyTakenException.class).verify(TIMEOUT);

        assertNotStored(first);
        assertNotStored(clash);
    }

    @Test
    void errorRaisedAfterTheWritesRollsThemBackAndReachesTheCallerUnchanged() {
        Tenant tenant = pendingTenant().build();
        IllegalStateException failure = new IllegalStateException("the mail could not be queued");

        StepVerifier.create(tx().inTransaction(store().add(tenant).then(Mono.error(failure))))
                .expectErrorSatisfies(error -> assertThat(error).isSameAs(failure)).verify(TIMEOUT);

        assertNotStored(tenant);
    }

    @Test
    void checkedExceptionRollsBackToo() {
        Tenant tenant = pendingTenant().build();
        IOException failure = new IOException("outbox unreachable");

        StepVerifier.create(tx().inTransaction(store().add(tenant).then(Mono.error(failure))))
                .expectErrorSatisfies(error -> assertThat(error).isSameAs(failure)).verify(TIMEOUT);

        assertNotStored(tenant);
    }

    @Test
    void rolledBackUpdateRestoresTheStateBefore() {
        Tenant tenant = pendingTenant().build();
        store().add(tenant).block(TIMEOUT);

        StepVerifier.create(tx().inTransaction(store().update(tenant.confirm()).then(Mono.error(new IllegalStateException()))))
                .expectError(IllegalStateException.class).verify(TIMEOUT);

        StepVerifier.create(store().findById(tenant.id())).expectNext(tenant).expectComplete().verify(TIMEOUT);
    }

    @Test
    void readsInsideTheTransactionSeeItsOwnWrites() {
        Tenant tenant = pendingTenant().build();

        Mono<Tenant> work = store().add(tenant).then(store().findByClientKey(tenant.clientKey()));

        StepVerifier.create(tx().inTransaction(work)).expectNext(tenant).expectComplete().verify(TIMEOUT);
    }

    @Test
    void valueArrivesOnlyAfterTheCommit() {
        Tenant tenant = pendingTenant().build();

        // The read runs after the value arrived, outside the transaction: it sees the tenant only if it was committed.
        Mono<Tenant> readAfterwards = tx().inTransaction(store().add(tenant))
                .flatMap(added -> store().findById(added.id()));

        StepVerifier.create(readAfterwards).expectNext(tenant).expectComplete().verify(TIMEOUT);
    }

    @Test
    void emptyWorkCompletesEmptyAndCommits() {
        Tenant tenant = pendingTenant().build();

        StepVerifier.create(tx().inTransaction(store().add(tenant).then(Mono.<String>empty())))
                .expectComplete().verify(TIMEOUT);

        assertStored(tenant);
    }

    @Test
    void nestedWorkRollsBackWithTheOuterWork() {
        Tenant inner = pendingTenant().build();
        Tenant outer = pendingTenant().build();

        Mono<Tenant> work = tx().inTransaction(store().add(inner))
                .then(store().add(outer))
                .then(Mono.error(new IllegalStateException("outer work fails after the nested one committed")));

        StepVerifier.create(tx().inTransaction(work)).expectError(IllegalStateException.class).verify(TIMEOUT);

        assertNotStored(inner);
        assertNotStored(outer);
    }

    @Test
    void failedNestedWorkUndoesOnlyItsOwnWritesWhenTheOuterWorkRecovers() {
        Tenant outer = pendingTenant().build();
        Tenant inner = pendingTenant().build();
        Tenant clash = pendingTenant().withClientKey(outer.clientKey().value()).build();

        Mono<Tenant> work = store().add(outer)
                .then(tx().inTransaction(store().add(inner).then(store().add(clash)))
                        .onErrorResume(ClientKeyTakenException.class, taken -> Mono.empty()))
                .then(store().findById(outer.id()));

        StepVerifier.create(tx().inTransaction(work)).expectNext(outer).expectComplete().verify(TIMEOUT);

        assertStored(outer);
        assertNotStored(inner);
        assertNotStored(clash);
    }

    @Test
    void storeWriteRejectedInsideATransactionLeavesNothingOfItAndTheTransactionGoesOn() {
        Tenant first = pendingTenant().build();
        Tenant clash = pendingTenant().withOwnerEmail(first.owner().email().value()).build();
        Tenant third = pendingTenant().build();

        // A rejected write does not spoil the transaction (on PostgreSQL a failed statement would, without a savepoint).
        Mono<Tenant> work = store().add(first)
                .then(store().add(clash).onErrorResume(OwnerEmailTakenException.class, taken -> Mono.empty()))
                .then(store().add(third));

        StepVerifier.create(tx().inTransaction(work)).expectNext(third).expectComplete().verify(TIMEOUT);

        assertStored(first);
        assertNotStored(clash);
        assertStored(third);
    }

    @Test
    void nothingRunsUntilSubscribedAndEachSubscriptionIsATransactionOfItsOwn() {
        Tenant tenant = pendingTenant().build();
        AtomicInteger attempts = new AtomicInteger();
        Mono<Tenant> work = store().add(tenant)
                .flatMap(added -> attempts.incrementAndGet() == 1
                        ? Mono.error(new IllegalStateException("first attempt fails after its write"))
                        : Mono.just(added));

        Mono<Tenant> transaction = tx().inTransaction(work);
        assertThat(attempts).hasValue(0);
        assertNotStored(tenant);

        // The retry re-subscribes: the first attempt's write was rolled back, so adding the tenant again succeeds.
        StepVerifier.create(transaction.retry(1)).expectNext(tenant).expectComplete().verify(TIMEOUT);
        assertThat(attempts).hasValue(2);
        assertStored(tenant);
    }

    @Test
    void fluxWorkEmitsEverythingAndCommitsOnCompletion() {
        Tenant first = activeTenant().build();
        Tenant second = activeTenant().build();

        StepVerifier.create(tx().inTransaction(Flux.concat(store().add(first), store().add(second))))
                .expectNext(first, second).expectComplete().verify(TIMEOUT);

        assertStored(first);
        assertStored(second);
    }

    @Test
    void fluxWorkFailingAfterItsWritesRollsThemBack() {
        Tenant first = activeTenant().build();
        IllegalStateException failure = new IllegalStateException("stream broke off");

        StepVerifier.create(tx().inTransaction(Flux.concat(store().add(first), Mono.error(failure))))
                .expectNext(first)
                .expectErrorSatisfies(error -> assertThat(error).isSameAs(failure))
                .verify(TIMEOUT);

        assertNotStored(first);
    }

    @Test
    void nestedFluxWorkRollsBackWithTheOuterWork() {
        Tenant inner = activeTenant().build();

        Flux<Tenant> work = Flux.concat(tx().inTransaction(Flux.from(store().add(inner))),
                Mono.error(new IllegalStateException("outer fails")));

        StepVerifier.create(tx().inTransaction(work)).expectNext(inner).expectError(IllegalStateException.class)
                .verify(TIMEOUT);

        assertNotStored(inner);
    }

    private void assertStored(Tenant tenant) {
        StepVerifier.create(store().findById(tenant.id())).expectNext(tenant).expectComplete().verify(TIMEOUT);
    }

    private void assertNotStored(Tenant tenant) {
        StepVerifier.create(store().findById(tenant.id())).expectComplete().verify(TIMEOUT);
    }
}
