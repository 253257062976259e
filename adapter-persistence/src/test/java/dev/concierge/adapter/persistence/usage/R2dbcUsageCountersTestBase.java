package dev.concierge.adapter.persistence.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.adapter.persistence.transaction.R2dbcTransactions;
import dev.concierge.application.port.out.Transactions;
import dev.concierge.application.port.out.UsageCounters;
import dev.concierge.application.testing.UsageCountersContractTest;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * The {@link UsageCounters} contract plus what is specific to a database: concurrent first additions of new keys,
 * an addition waiting for another transaction's, the checks, instants to the microsecond, non-blocking threads, and
 * purging through the expiry index. Subclasses provide a migrated, empty database.
 */
abstract class R2dbcUsageCountersTestBase extends UsageCountersContractTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00.123456Z");
    private static final Instant LATER = NOW.plusSeconds(3600);

    /** A connection factory for a migrated database without sums. */
    protected abstract ConnectionFactory connectionFactory();

    /**
     * Makes the database, for the rest of the current transaction, prefer an index it could use over reading the
     * whole table, as it would for a table of many sums; on a tiny table a full scan is cheaper.
     */
    protected abstract Mono<Void> preferIndexes(DatabaseClient database);

    @Override
    protected UsageCounters counters() {
        return R2dbcUsageCounters.using(connectionFactory());
    }

    @Override
    protected Transactions transactions() {
        return R2dbcTransactions.using(connectionFactory());
    }

    @Test
    void concurrentFirstAdditionsToNewKeysLoseNone() {
        UsageCounters counters = counters();
        int contenders = 8;

        // Two statements that both find no sum and both insert one are rare; a race for each of many new keys makes
        // them likely.
        List<List<Long>> sums = Flux.range(0, 100)
                .concatMap(key -> Flux.range(0, contenders)
                        .flatMap(i -> counters.add("new-" + key, 3, NOW, LATER).subscribeOn(Schedulers.parallel()),
                                contenders)
                        .collectList())
                .collectList()
                .block(Duration.ofSeconds(60));

        assertThat(sums).allSatisfy(race -> assertThat(race).containsExactlyInAnyOrderElementsOf(
                LongStream.rangeClosed(1, contenders).map(i -> 3 * i).boxed().toList()));
    }

    @Test
    void anAdditionMeetingASumAnotherTransactionIsCreatingAddsToIt() {
        UsageCounters counters = counters();
        // The first creates the sum and keeps its transaction open a while; the second comes meanwhile, finds no
        // committed sum, and must wait for the first and add to its sum rather than fail or start over.
        Mono<Long> first = transactions().inTransaction(
                counters.add("k", 5, NOW, LATER).delayUntil(created -> Mono.delay(Duration.ofMillis(500))));
        Mono<Long> second = Mono.delay(Duration.ofMillis(100))
                .then(counters.add("k", 7, NOW, LATER).subscribeOn(Schedulers.boundedElastic()));

        List<Long> sums = Flux.merge(first, second).collectList().block(TIMEOUT);

        assertThat(sums).containsExactlyInAnyOrder(5L, 12L);
        StepVerifier.create(counters.find("k", NOW)).expectNext(12L).expectComplete().verify(TIMEOUT);
    }

    @Test
    void theDatabaseRefusesANegativeSum() {
        counters().add("k", 1, NOW, LATER).block(TIMEOUT);

        StepVerifier.create(database().sql("UPDATE usage_counter SET amount = -1").fetch().rowsUpdated())
                .expectError(DataIntegrityViolationException.class).verify(TIMEOUT);
    }

    @Test
    void storesTheExpiryToTheMicrosecond() {
        counters().add("k", 1, NOW, LATER.plusNanos(789)).block(TIMEOUT);

        StepVerifier.create(database().sql("SELECT expires_at FROM usage_counter WHERE counter_key = 'k'")
                        .map(row -> row.get("expires_at", OffsetDateTime.class).toInstant())
                        .one())
                .expectNext(LATER).expectComplete().verify(TIMEOUT);
    }

    @Test
    void worksWhenCalledFromANonBlockingThread() {
        UsageCounters counters = counters();

        // Mono.delay emits on Reactor's parallel scheduler, whose threads BlockHound treats as non-blocking.
        Mono<Long> flow = Mono.delay(Duration.ofMillis(1))
                .then(counters.add("k", 1, NOW, NOW.plusSeconds(1)))
                .then(counters.add("other", 2, NOW, LATER))
                .then(counters.find("other", NOW))
                .then(counters.purgeExpired(LATER));

        StepVerifier.create(flow).expectNext(2L).expectComplete().verify(TIMEOUT);
    }

    @Test
    void purgingFindsTheExpiredSumsThroughTheExpiryIndex() {
        DatabaseClient database = database();
        Mono<String> plan = preferIndexes(database).then(database.sql("EXPLAIN " + R2dbcUsageCounters.PURGE_EXPIRED)
                .bind("now", OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC))
                .map(row -> row.get(0, String.class))
                .all()
                .reduce("", (text, line) -> text + line + "\n"));

        String explained = R2dbcTransactions.using(connectionFactory()).inTransaction(plan).block(TIMEOUT);

        assertThat(explained).containsIgnoringCase("ix_usage_counter_expires_at");
    }

    private DatabaseClient database() {
        return DatabaseClient.create(connectionFactory());
    }
}
