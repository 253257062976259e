package dev.concierge.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.application.port.out.AttemptCounters;
import dev.concierge.domain.account.Attempts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * What every implementation of {@link AttemptCounters} must do. Subclasses provide an empty store per test.
 */
public abstract class AttemptCountersContractTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00.123456Z");
    private static final Instant LATER = NOW.plusSeconds(3600);

    /** A store holding no counters. */
    protected abstract AttemptCounters counters();

    @Test
    void countsUpFromOneAndRemembersTheLastAttempt() {
        AttemptCounters counters = counters();

        StepVerifier.create(counters.increment("login:a@example.com", NOW, LATER))
                .expectNext(new Attempts(1, NOW)).expectComplete().verify(TIMEOUT);
        StepVerifier.create(counters.increment("login:a@example.com", NOW.plusSeconds(5), LATER))
                .expectNext(new Attempts(2, NOW.plusSeconds(5))).expectComplete().verify(TIMEOUT);
        StepVerifier.create(counters.find("login:a@example.com", NOW.plusSeconds(6)))
                .expectNext(new Attempts(2, NOW.plusSeconds(5))).expectComplete().verify(TIMEOUT);
    }

    @Test
    void keysAreCountedApart() {
        AttemptCounters counters = counters();
        counters.increment("one", NOW, LATER).block(TIMEOUT);
        counters.increment("one", NOW, LATER).block(TIMEOUT);

        StepVerifier.create(counters.increment("two", NOW, LATER)).expectNext(new Attempts(1, NOW))
                .expectComplete().verify(TIMEOUT);
        StepVerifier.create(counters.find("three", NOW)).expectComplete().verify(TIMEOUT);
    }

    @Test
    void anExpiredCounterCountsAsAbsentAndStartsOver() {
        AttemptCounters counters = counters();
        counters.increment("k", NOW, NOW.plusSeconds(60)).block(TIMEOUT);
        counters.increment("k", NOW, NOW.plusSeconds(60)).block(TIMEOUT);

        StepVerifier.create(counters.find("k", NOW.plusSeconds(59))).expectNextCount(1).expectComplete().verify(TIMEOUT);
        StepVerifier.create(counters.find("k", NOW.plusSeconds(60))).expectComplete().verify(TIMEOUT);
        StepVerifier.create(counters.increment("k", NOW.plusSeconds(61), NOW.plusSeconds(120)))
                .expectNext(new Attempts(1, NOW.plusSeconds(61))).expectComplete().verify(TIMEOUT);
    }

    @Test
    void eachIncrementSetsTheExpiryAnew() {
        AttemptCounters counters = counters();
        counters.increment("k", NOW, NOW.plusSeconds(60)).block(TIMEOUT);
        counters.increment("k", NOW.plusSeconds(30), NOW.plusSeconds(90)).block(TIMEOUT);

        StepVerifier.create(counters.find("k", NOW.plusSeconds(75)))
                .expectNext(new Attempts(2, NOW.plusSeconds(30))).expectComplete().verify(TIMEOUT);
    }

    @Test
    void resetForgetsTheCounterAndResettingNothingIsFine() {
        AttemptCounters counters = counters();
        counters.increment("k", NOW, LATER).block(TIMEOUT);

        StepVerifier.create(counters.reset("k")).expectComplete().verify(TIMEOUT);
        StepVerifier.create(counters.find("k", NOW)).expectComplete().verify(TIMEOUT);
        StepVerifier.create(counters.reset("never")).expectComplete().verify(TIMEOUT);
        StepVerifier.create(counters.increment("k", NOW, LATER)).expectNext(new Attempts(1, NOW))
                .expectComplete().verify(TIMEOUT);
    }

    @Test
    void purgeDeletesOnlyExpiredCounters() {
        AttemptCounters counters = counters();
        counters.increment("old", NOW, NOW.plusSeconds(10)).block(TIMEOUT);
        counters.increment("new", NOW, NOW.plusSeconds(100)).block(TIMEOUT);

        StepVerifier.create(counters.purgeExpired(NOW.plusSeconds(50))).expectNext(1L).expectComplete().verify(TIMEOUT);
        StepVerifier.create(counters.find("new", NOW.plusSeconds(50))).expectNextCount(1).expectComplete().verify(TIMEOUT);
        StepVerifier.create(counters.purgeExpired(NOW.plusSeconds(50))).expectNext(0L).expectComplete().verify(TIMEOUT);
    }

    @Test
    void concurrentIncrementsLoseNoneAndEachSeesItsOwnCount() {
        AttemptCounters counters = counters();
        int contenders = 16;

        List<Integer> counts = Flux.range(0, contenders)
                .flatMap(i -> counters.increment("race", NOW, LATER).subscribeOn(Schedulers.parallel()), contenders)
                .map(Attempts::count)
                .collectList()
                .block(TIMEOUT);

        assertThat(counts).containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.rangeClosed(1, contenders).boxed().toList());
        StepVerifier.create(counters.find("race", NOW)).expectNext(new Attempts(contenders, NOW))
                .expectComplete().verify(TIMEOUT);
    }

    @Test
    void keysUpToTheLimitWorkAndLongerOrBlankOnesAreRefused() {
        AttemptCounters counters = counters();
        String longest = "k".repeat(AttemptCounters.MAX_KEY_LENGTH);

        StepVerifier.create(counters.increment(longest, NOW, LATER)).expectNext(new Attempts(1, NOW))
                .expectComplete().verify(TIMEOUT);
        StepVerifier.create(counters.increment(longest + "k", NOW, LATER))
                .expectError(IllegalArgumentException.class).verify(TIMEOUT);
        StepVerifier.create(counters.find(" ", NOW)).expectError(IllegalArgumentException.class).verify(TIMEOUT);
        StepVerifier.create(counters.find(longest + "k", NOW)).expectError(IllegalArgumentException.class)
                .verify(TIMEOUT);
    }

    @Test
    void unicodeKeysAreKeptApart() {
        AttemptCounters counters = counters();
        counters.increment("login:müller@example.com", NOW, LATER).block(TIMEOUT);

        StepVerifier.create(counters.find("login:muller@example.com", NOW)).expectComplete().verify(TIMEOUT);
        StepVerifier.create(counters.find("login:müller@example.com", NOW)).expectNextCount(1)
                .expectComplete().verify(TIMEOUT);
    }
}
