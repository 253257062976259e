package dev.concierge.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.application.port.out.RollingLimits;
import dev.concierge.application.port.out.Transactions;
import dev.concierge.domain.account.RollingLimit;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * What every implementation of {@link RollingLimits} must do. Subclasses provide an empty store per test and the
 * transactions it takes part in. Instants are whole microseconds, which every store keeps exactly.
 */
public abstract class RollingLimitsContractTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00.123456Z");
    private static final Duration MICRO = Duration.of(1, ChronoUnit.MICROS);
    private static final RollingLimit THREE_AN_HOUR = new RollingLimit(3, Duration.ofHours(1));

    private RollingLimits limits;
    private Transactions transactions;

    /** A store holding no events; called once per test. */
    protected abstract RollingLimits limits();

    /** Transactions that the store of {@link #limits()} takes part in; called once per test. */
    protected abstract Transactions transactions();

    @BeforeEach
    void createStore() {
        limits = limits();
        transactions = transactions();
    }

    @Test
    void letsAsManyEventsThroughAsTheLimitAllowsThenRefuses() {
        assertAcquired("reset:owner@bakery.example", THREE_AN_HOUR, NOW, true);
        assertAcquired("reset:owner@bakery.example", THREE_AN_HOUR, NOW.plusSeconds(1), true);
        assertAcquired("reset:owner@bakery.example", THREE_AN_HOUR, NOW.plusSeconds(2), true);

        assertAcquired("reset:owner@bakery.example", THREE_AN_HOUR, NOW.plusSeconds(3), false);
        assertAcquired("reset:owner@bakery.example", THREE_AN_HOUR, NOW.plusSeconds(3599), false);
    }

    @Test
    void anEventExactlyOneWindowAgoNoLongerCounts() {
        RollingLimit once = new RollingLimit(1, Duration.ofMinutes(10));
        assertAcquired("k", once, NOW, true);

        assertAcquired("k", once, NOW.plus(once.window()).minus(MICRO), false);
        assertAcquired("k", once, NOW.plus(once.window()), true);
    }

    @Test
    void theWindowRollsWithEachEventInsteadOfStartingOverAtFixedTimes() {
        Instant tenToEleven = Instant.parse("2026-11-27T10:50:00Z");
        assertAcquired("k", THREE_AN_HOUR, tenToEleven, true);
        assertAcquired("k", THREE_AN_HOUR, tenToEleven.plus(Duration.ofMinutes(5)), true);
        assertAcquired("k", THREE_AN_HOUR, tenToEleven.plus(Duration.ofMinutes(8)), true);

        // A new hour on the clock changes nothing: the three events are still within the last hour.
        assertAcquired("k", THREE_AN_HOUR, Instant.parse("2026-11-27T11:05:00Z"), false);
        // Each event stops counting one hour after it happened, one at a time.
        assertAcquired("k", THREE_AN_HOUR, Instant.parse("2026-11-27T11:50:00Z"), true);
        assertAcquired("k", THREE_AN_HOUR, Instant.parse("2026-11-27T11:52:00Z"), false);
        assertAcquired("k", THREE_AN_HOUR, Instant.parse("2026-11-27T11:55:00Z"), true);
        assertAcquired("k", THREE_AN_HOUR, Instant.parse("2026-11-27T11:56:00Z"), false);
    }

    @Test
    void aRefusedEventIsNotRecorded() {
        RollingLimit twice = new RollingLimit(2, Duration.ofHours(1));
        assertAcquired("k", twice, NOW, true);
        assertAcquired("k", twice, NOW.plusSeconds(60), true);
        assertAcquired("k", twice, NOW.plusSeconds(120), false);

        // Had the refused event been recorded, the events at +60 s and +120 s would fill this window.
        assertAcquired("k", twice, NOW.plus(Duration.ofHours(1)), true);
    }

    @Test
    void keysAreLimitedApart() {
        RollingLimit once = new RollingLimit(1, Duration.ofHours(1));
        assertAcquired("reset:müller@example.com", once, NOW, true);

        assertAcquired("reset:muller@example.com", once, NOW, true);
        assertAcquired("reset:müller@example.com", once, NOW, false);
    }

    @Test
    void ofConcurrentAttemptsExactlyAsManySucceedAsFit() {
        RollingLimit fourAnHour = new RollingLimit(4, Duration.ofHours(1));
        assertAcquired("race", fourAnHour, NOW.minusSeconds(60), true);
        int contenders = 16;

        List<Boolean> outcomes = Flux.range(0, contenders)
                .flatMap(i -> limits.tryAcquire("race", fourAnHour, NOW).subscribeOn(Schedulers.parallel()),
                        contenders)
                .collectList()
                .block(TIMEOUT);

        assertThat(outcomes).hasSize(contenders).filteredOn(acquired -> acquired).hasSize(3);
        assertAcquired("race", fourAnHour, NOW.plusSeconds(1), false);
    }

    @Test
    void ofConcurrentFirstAttemptsOnANewKeyExactlyOneSucceedsWhenOneFits() {
        RollingLimit once = new RollingLimit(1, Duration.ofHours(1));
        int contenders = 16;

        List<Boolean> outcomes = Flux.range(0, contenders)
                .flatMap(i -> limits.tryAcquire("new", once, NOW).subscribeOn(Schedulers.parallel()), contenders)
                .collectList()
                .block(TIMEOUT);

        assertThat(outcomes).hasSize(contenders).filteredOn(acquired -> acquired).hasSize(1);
    }

    @Test
    void anEventInATransactionThatRollsBackIsNotKept() {
        RollingLimit once = new RollingLimit(1, Duration.ofHours(1));

        StepVerifier.create(transactions.inTransaction(limits.tryAcquire("k", once, NOW)
                        .then(Mono.error(new IllegalStateException("the mail could not be queued")))))
                .expectError(IllegalStateException.class).verify(TIMEOUT);

        StepVerifier.create(transactions.inTransaction(limits.tryAcquire("k", once, NOW.plusSeconds(1))))
                .expectNext(true).expectComplete().verify(TIMEOUT);
        assertAcquired("k", once, NOW.plusSeconds(2), false);
    }

    @Test
    void keysUpToTheLimitWorkAndLongerOrBlankOnesAreRefusedBeforeAnythingIsWritten() {
        RollingLimit once = new RollingLimit(1, Duration.ofHours(1));
        String longest = "k".repeat(RollingLimits.MAX_KEY_LENGTH);

        for (String wrong : new String[] {longest + "k", "", " \t", null}) {
            StepVerifier.create(limits.tryAcquire(wrong, once, NOW)).expectError(IllegalArgumentException.class)
                    .verify(TIMEOUT);
        }
        StepVerifier.create(limits.purgeExpired(NOW.plus(Duration.ofDays(1)))).expectNext(0L).expectComplete()
                .verify(TIMEOUT);

        assertAcquired(longest, once, NOW, true);
        assertAcquired(longest, once, NOW, false);
    }

    @Test
    void purgeForgetsOnlyTheKeysWhoseLatestEventIsAWindowOfTheirLimitAgo() {
        RollingLimit minute = new RollingLimit(1, Duration.ofMinutes(1));
        RollingLimit hour = new RollingLimit(2, Duration.ofHours(1));
        assertAcquired("short", minute, NOW, true);
        assertAcquired("long", hour, NOW, true);
        assertAcquired("busy", hour, NOW.minus(Duration.ofMinutes(90)), true);
        assertAcquired("busy", hour, NOW.minus(Duration.ofMinutes(30)), true);

        StepVerifier.create(limits.purgeExpired(NOW.plus(minute.window()).minus(MICRO))).expectNext(0L)
                .expectComplete().verify(TIMEOUT);
        StepVerifier.create(limits.purgeExpired(NOW.plus(minute.window()))).expectNext(1L).expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(limits.purgeExpired(NOW.plus(minute.window()))).expectNext(0L).expectComplete()
                .verify(TIMEOUT);

        // The kept keys still remember their events: each has room for one more, not two.
        for (String kept : List.of("busy", "long")) {
            assertAcquired(kept, hour, NOW.plusSeconds(60), true);
            assertAcquired(kept, hour, NOW.plusSeconds(61), false);
        }
        StepVerifier.create(limits.purgeExpired(NOW.plus(Duration.ofMinutes(61)))).expectNext(2L).expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void aPurgeInATransactionThatRollsBackForgetsNothing() {
        RollingLimit once = new RollingLimit(1, Duration.ofHours(1));
        assertAcquired("k", once, NOW, true);

        StepVerifier.create(transactions.inTransaction(limits.purgeExpired(NOW.plus(Duration.ofHours(2)))
                        .then(Mono.error(new IllegalStateException("rolled back")))))
                .expectError(IllegalStateException.class).verify(TIMEOUT);

        StepVerifier.create(limits.purgeExpired(NOW.plus(Duration.ofHours(2)))).expectNext(1L).expectComplete()
                .verify(TIMEOUT);
    }

    private void assertAcquired(String key, RollingLimit limit, Instant now, boolean expected) {
        StepVerifier.create(limits.tryAcquire(key, limit, now)).expectNext(expected).expectComplete().verify(TIMEOUT);
    }
}
