package dev.concierge.adapter.persistence.attempt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.adapter.persistence.transaction.R2dbcTransactions;
import dev.concierge.application.port.out.AttemptCounters;
import dev.concierge.application.testing.AttemptCountersContractTest;
import dev.concierge.domain.account.Attempts;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * The {@link AttemptCounters} contract plus what is specific to a database: taking part in a surrounding
 * transaction, running on non-blocking threads, and purging through the expiry index. Subclasses provide a migrated,
 * empty database.
 */
abstract class R2dbcAttemptCountersTestBase extends AttemptCountersContractTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00.123456Z");
    private static final Instant LATER = NOW.plusSeconds(3600);

    /** A connection factory for a migrated database without counters. */
    protected abstract ConnectionFactory connectionFactory();

    /**
     * Makes the database, for the rest of the current transaction, prefer an index it could use over reading the
     * whole table, as it would for a table of many counters; on a tiny table a full scan is cheaper.
     */
    protected abstract Mono<Void> preferIndexes(DatabaseClient database);

    @Override
    protected AttemptCounters counters() {
        return R2dbcAttemptCounters.using(connectionFactory());
    }

    @Test
    void anIncrementCommitsAndRollsBackWithASurroundingTransaction() {
        AttemptCounters counters = counters();
        R2dbcTransactions transactions = R2dbcTransactions.using(connectionFactory());

        StepVerifier.create(transactions.inTransaction(counters.increment("k", NOW, LATER)
                        .then(Mono.error(new IllegalStateException("rolled back")))))
                .expectError(IllegalStateException.class).verify(TIMEOUT);
        StepVerifier.create(counters.find("k", NOW)).expectComplete().verify(TIMEOUT);

        StepVerifier.create(transactions.inTransaction(counters.increment("k", NOW, LATER)
                        .then(counters.increment("k", NOW, LATER))))
                .expectNext(new Attempts(2, NOW)).expectComplete().verify(TIMEOUT);
        StepVerifier.create(counters.find("k", NOW)).expectNext(new Attempts(2, NOW)).expectComplete().verify(TIMEOUT);
    }

    @Test
    void concurrentFirstIncrementsOfNewCountersLoseNone() {
        AttemptCounters counters = counters();
        int contenders = 8;

        // Two statements that both find no counter and both insert one are rare; a race for each of many new counters
        // makes them likely.
        List<List<Integer>> counts = Flux.range(0, 100)
                .concatMap(key -> Flux.range(0, contenders)
                        .flatMap(i -> counters.increment("new-" + key, NOW, LATER).subscribeOn(Schedulers.parallel()),
                                contenders)
                        .map(Attempts::count)
                        .collectList())
                .collectList()
                .block(Duration.ofSeconds(60));

        assertThat(counts).allSatisfy(race -> assertThat(race)
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, contenders).boxed().toList()));
    }

    @Test
    void anIncrementMeetingACounterAnotherTransactionIsCreatingCountsOnFromIt() {
        AttemptCounters counters = counters();
        // The first creates the counter and keeps its transaction open a while; the second comes meanwhile, finds no
        // committed counter, and must wait for the first and count on from its counter rather than fail or start over.
        Mono<Attempts> first = R2dbcTransactions.using(connectionFactory()).inTransaction(
                counters.increment("k", NOW, LATER).delayUntil(created -> Mono.delay(Duration.ofMillis(500))));
        Mono<Attempts> second = Mono.delay(Duration.ofMillis(100))
                .then(counters.increment("k", NOW, LATER).subscribeOn(Schedulers.boundedElastic()));

        List<Integer> counts = Flux.merge(first, second).map(Attempts::count).collectList().block(TIMEOUT);

        assertThat(counts).containsExactlyInAnyOrder(1, 2);
        StepVerifier.create(counters.find("k", NOW)).expectNext(new Attempts(2, NOW)).expectComplete().verify(TIMEOUT);
    }

    @Test
    void worksWhenCalledFromANonBlockingThread() {
        AttemptCounters counters = counters();

        // Mono.delay emits on Reactor's parallel scheduler, whose threads BlockHound treats as non-blocking.
        Mono<Long> flow = Mono.delay(Duration.ofMillis(1))
                .then(counters.increment("k", NOW, NOW.plusSeconds(1)))
                .then(counters.increment("other", NOW, LATER))
                .then(counters.find("other", NOW))
                .then(counters.reset("other"))
                .then(counters.purgeExpired(LATER));

        StepVerifier.create(flow).expectNext(1L).expectComplete().verify(TIMEOUT);
    }

    @Test
    void storesTheLastAttemptAndTheExpiryToTheMicrosecond() {
        counters().increment("k", NOW, LATER).block(TIMEOUT);

        StepVerifier.create(DatabaseClient.create(connectionFactory())
                        .sql("SELECT last_attempt_at, expires_at FROM attempt_counter WHERE counter_key = 'k'")
                        .map(row -> new OffsetDateTime[] {row.get("last_attempt_at", OffsetDateTime.class),
                                row.get("expires_at", OffsetDateTime.class)})
                        .one())
                .assertNext(instants -> assertThat(instants).extracting(OffsetDateTime::toInstant)
                        .containsExactly(NOW, LATER))
                .expectComplete().verify(TIMEOUT);
    }

    @Test
    void purgingFindsTheExpiredCountersThroughTheExpiryIndex() {
        DatabaseClient database = DatabaseClient.create(connectionFactory());
        Mono<String> plan = preferIndexes(database).then(database.sql("EXPLAIN " + R2dbcAttemptCounters.PURGE_EXPIRED)
                .bind("now", OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC))
                .map(row -> row.get(0, String.class))
                .all()
                .reduce("", (text, line) -> text + line + "\n"));

        String explained = R2dbcTransactions.using(connectionFactory()).inTransaction(plan).block(TIMEOUT);

        assertThat(explained).containsIgnoringCase("ix_attempt_counter_expires_at");
    }
}
