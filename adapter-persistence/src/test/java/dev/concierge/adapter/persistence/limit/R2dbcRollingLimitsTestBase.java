package dev.concierge.adapter.persistence.limit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.adapter.persistence.transaction.R2dbcTransactions;
import dev.concierge.application.port.out.RollingLimits;
import dev.concierge.application.port.out.Transactions;
import dev.concierge.application.testing.RollingLimitsContractTest;
import dev.concierge.domain.account.RollingLimit;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * The {@link RollingLimits} contract plus what is specific to a database: races for new keys, an acquisition meeting
 * another transaction's write, the most events a key remembers, non-blocking threads and purging through the expiry
 * index. Subclasses provide a migrated, empty database.
 */
abstract class R2dbcRollingLimitsTestBase extends RollingLimitsContractTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00.123456Z");
    private static final RollingLimit ONCE_AN_HOUR = new RollingLimit(1, Duration.ofHours(1));

    /** A connection factory for a migrated database without rolling limits. */
    protected abstract ConnectionFactory connectionFactory();

    /** Makes the database prefer an index it could use over reading the whole (tiny) table, for the current transaction. */
    protected abstract Mono<Void> preferIndexes(DatabaseClient database);

    @Override
    protected RollingLimits limits() {
        return R2dbcRollingLimits.using(connectionFactory());
    }

    @Override
    protected Transactions transactions() {
        return R2dbcTransactions.using(connectionFactory());
    }

    @Test
    void racesForManyNewKeysEachLetExactlyAsManyThroughAsFit() {
        RollingLimits limits = limits();
        RollingLimit twice = new RollingLimit(2, Duration.ofHours(1));
        int contenders = 8;

        // Two acquisitions that both find no row and both insert one are rare; a race for each of many new keys makes
        // them likely.
        List<Long> acquired = Flux.range(0, 50)
                .concatMap(key -> Flux.range(0, contenders)
                        .flatMap(i -> limits.tryAcquire("new-" + key, twice, NOW).subscribeOn(Schedulers.parallel()),
                                contenders)
                        .filter(Boolean::booleanValue)
                        .count())
                .collectList()
                .block(Duration.ofSeconds(60));

        assertThat(acquired).hasSize(50).containsOnly(2L);
    }

    @Test
    void anAcquisitionMeetingAKeyAnotherTransactionIsCreatingDecidesOnItsOutcome() {
        RollingLimits limits = limits();
        // The first records the key's first event and keeps its transaction open a while; the second comes meanwhile,
        // finds no committed row, and must wait for the first and see its event rather than record a second one.
        Mono<Boolean> first = transactions().inTransaction(limits.tryAcquire("k", ONCE_AN_HOUR, NOW)
                .delayUntil(acquired -> Mono.delay(Duration.ofMillis(500))));
        Mono<Boolean> second = Mono.delay(Duration.ofMillis(100))
                .then(limits.tryAcquire("k", ONCE_AN_HOUR, NOW).subscribeOn(Schedulers.boundedElastic()));

        List<Boolean> outcomes = Flux.merge(first, second).collectList().block(TIMEOUT);

        assertThat(outcomes).containsExactlyInAnyOrder(true, false);
    }

    @Test
    void aKeyRemembersAsManyEventsAsALimitAllows() {
        RollingLimits limits = limits();
        RollingLimit most = new RollingLimit(RollingLimit.MAX_EVENTS, Duration.ofDays(1));

        List<Boolean> outcomes = Flux.range(0, RollingLimit.MAX_EVENTS + 1)
                .concatMap(i -> limits.tryAcquire("k", most, NOW.plusSeconds(i)))
                .collectList()
                .block(TIMEOUT);

        assertThat(outcomes.subList(0, RollingLimit.MAX_EVENTS)).containsOnly(true);
        assertThat(outcomes.get(RollingLimit.MAX_EVENTS)).isFalse();
        StepVerifier.create(limits.tryAcquire("k", most, NOW.plus(most.window())))
                .expectNext(true).expectComplete().verify(TIMEOUT);
    }

    @Test
    void worksWhenCalledFromANonBlockingThread() {
        RollingLimits limits = limits();

        // Mono.delay emits on Reactor's parallel scheduler, whose threads BlockHound treats as non-blocking.
        Mono<Long> flow = Mono.delay(Duration.ofMillis(1))
                .then(limits.tryAcquire("k", ONCE_AN_HOUR, NOW))
                .then(limits.tryAcquire("k", ONCE_AN_HOUR, NOW))
                .then(limits.tryAcquire("other", ONCE_AN_HOUR, NOW))
                .then(limits.purgeExpired(NOW.plus(ONCE_AN_HOUR.window())));

        StepVerifier.create(flow).expectNext(2L).expectComplete().verify(TIMEOUT);
    }

    @Test
    void purgingFindsTheForgottenKeysThroughTheExpiryIndex() {
        DatabaseClient database = DatabaseClient.create(connectionFactory());
        Mono<String> plan = preferIndexes(database).then(database.sql("EXPLAIN " + R2dbcRollingLimits.PURGE_EXPIRED)
                .bind("now", OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC))
                .map(row -> row.get(0, String.class))
                .all()
                .reduce("", (text, line) -> text + line + "\n"));

        String explained = R2dbcTransactions.using(connectionFactory()).inTransaction(plan).block(TIMEOUT);

        assertThat(explained).containsIgnoringCase("ix_rolling_limit_expires_at");
    }
}
