package dev.concierge.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.application.port.out.Transactions;
import dev.concierge.application.port.out.UsageCounters;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * What every implementation of {@link UsageCounters} must do. Subclasses provide an empty store per test and the
 * transactions it takes part in. Besides the port's promises, every store refuses a negative amount with
 * {@link IllegalArgumentException} before writing, as it does a key out of range.
 */
public abstract class UsageCountersContractTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00.123Z");
    private static final Instant TOMORROW = NOW.plus(Duration.ofDays(1));
    private static final int CONTENDERS = 50;

    private UsageCounters counters;
    private Transactions transactions;

    /** A store holding no sums; called once per test. */
    protected abstract UsageCounters counters();

    /** Transactions that the store of {@link #counters()} takes part in; called once per test. */
    protected abstract Transactions transactions();

    @BeforeEach
    void createStore() {
        counters = counters();
        transactions = transactions();
    }

    @Test
    void addsUpAndTellsTheSumAfterEachAddition() {
        StepVerifier.create(counters.add("tokens:tenant-1", 1_200, NOW, TOMORROW)).expectNext(1_200L)
                .expectComplete().verify(TIMEOUT);
        StepVerifier.create(counters.add("tokens:tenant-1", 0, NOW.plusSeconds(1), TOMORROW)).expectNext(1_200L)
                .expectComplete().verify(TIMEOUT);
        StepVerifier.create(counters.add("tokens:tenant-1", 34, NOW.plusSeconds(2), TOMORROW)).expectNext(1_234L)
                .expectComplete().verify(TIMEOUT);

        StepVerifier.create(counters.find("tokens:tenant-1", NOW.plusSeconds(3))).expectNext(1_234L)
                .expectComplete().verify(TIMEOUT);
    }

    @Test
    void keysAreSummedApartAndAnUnknownKeyIsZero() {
        counters.add("one", 5, NOW, TOMORROW).block(TIMEOUT);
        counters.add("one", 5, NOW, TOMORROW).block(TIMEOUT);

        StepVerifier.create(counters.add("two", 3, NOW, TOMORROW)).expectNext(3L).expectComplete().verify(TIMEOUT);
        StepVerifier.create(counters.find("one", NOW)).expectNext(10L).expectComplete().verify(TIMEOUT);
        StepVerifier.create(counters.find("three", NOW)).expectNext(0L).expectComplete().verify(TIMEOUT);
    }

    @Test
    void addingZeroFirstStartsASumOfZero() {
        StepVerifier.create(counters.add("k", 0, NOW, NOW.plusSeconds(60))).expectNext(0L).expectComplete()
                .verify(TIMEOUT);
        // Its expiry was set by that first addition.
        counters.add("k", 4, NOW.plusSeconds(30), NOW.plusSeconds(3600)).block(TIMEOUT);
        StepVerifier.create(counters.find("k", NOW.plusSeconds(59))).expectNext(4L).expectComplete().verify(TIMEOUT);
        StepVerifier.create(counters.find("k", NOW.plusSeconds(60))).expectNext(0L).expectComplete().verify(TIMEOUT);
    }

    @Test
    void theFirstAdditionSetsTheExpiryAndLaterOnesKeepIt() {
        counters.add("k", 10, NOW, NOW.plusSeconds(60)).block(TIMEOUT);
        StepVerifier.create(counters.add("k", 5, NOW.plusSeconds(30), NOW.plusSeconds(90))).expectNext(15L)
                .expectComplete().verify(TIMEOUT);

        StepVerifier.create(counters.find("k", NOW.plusSeconds(59))).expectNext(15L).expectComplete().verify(TIMEOUT);
        StepVerifier.create(counters.find("k", NOW.plusSeconds(60))).expectNext(0L).expectComplete().verify(TIMEOUT);
        StepVerifier.create(counters.find("k", NOW.plusSeconds(75))).expectNext(0L).expectComplete().verify(TIMEOUT);
    }

    @Test
    void anExpiredSumStartsOverFromZeroWithTheNewExpiry() {
        counters.add("k", 10, NOW, NOW.plusSeconds(60)).block(TIMEOUT);

        StepVerifier.create(counters.add("k", 3, NOW.plusSeconds(60), NOW.plusSeconds(120))).expectNext(3L)
                .expectComplete().verify(TIMEOUT);
        StepVerifier.create(counters.add("k", 4, NOW.plusSeconds(90), NOW.plusSeconds(500))).expectNext(7L)
                .expectComplete().verify(TIMEOUT);

        StepVerifier.create(counters.find("k", NOW.plusSeconds(119))).expectNext(7L).expectComplete().verify(TIMEOUT);
        StepVerifier.create(counters.find("k", NOW.plusSeconds(120))).expectNext(0L).expectComplete().verify(TIMEOUT);
    }

    @Test
    void concurrentAdditionsLoseNoneAndEachSeesItsOwnSum() {
        List<Long> sums = Flux.range(0, CONTENDERS)
                .flatMap(i -> counters.add("race", 7, NOW, TOMORROW).subscribeOn(Schedulers.boundedElastic()),
                        CONTENDERS)
                .collectList()
                .block(TIMEOUT);

        assertThat(sums).containsExactlyInAnyOrderElementsOf(
                LongStream.rangeClosed(1, CONTENDERS).map(i -> 7 * i).boxed().toList());
        StepVerifier.create(counters.find("race", NOW)).expectNext(7L * CONTENDERS).expectComplete().verify(TIMEOUT);
    }

    @Test
    void concurrentAdditionsToAnExpiredSumStartItOverOnce() {
        counters.add("race", 1_000, NOW, NOW.plusSeconds(60)).block(TIMEOUT);
        Instant later = NOW.plusSeconds(61);

        List<Long> sums = Flux.range(0, CONTENDERS)
                .flatMap(i -> counters.add("race", 7, later, TOMORROW).subscribeOn(Schedulers.boundedElastic()),
                        CONTENDERS)
                .collectList()
                .block(TIMEOUT);

        assertThat(sums).containsExactlyInAnyOrderElementsOf(
                LongStream.rangeClosed(1, CONTENDERS).map(i -> 7 * i).boxed().toList());
        StepVerifier.create(counters.find("race", later)).expectNext(7L * CONTENDERS).expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void keysUpToTheLimitWorkAndLongerOrBlankOnesAreRefusedBeforeWriting() {
        String longest = "k".repeat(UsageCounters.MAX_KEY_LENGTH);

        StepVerifier.create(counters.add(longest, 1, NOW, NOW.plusSeconds(60))).expectNext(1L).expectComplete()
                .verify(TIMEOUT);
        for (String refused : List.of(longest + "k", "", " \t")) {
            StepVerifier.create(counters.add(refused, 1, NOW, NOW.plusSeconds(60)))
                    .expectError(IllegalArgumentException.class).verify(TIMEOUT);
            StepVerifier.create(counters.find(refused, NOW)).expectError(IllegalArgumentException.class)
                    .verify(TIMEOUT);
        }
        StepVerifier.create(counters.add(null, 1, NOW, NOW.plusSeconds(60)))
                .expectError(IllegalArgumentException.class).verify(TIMEOUT);

        // Only the longest key was written.
        StepVerifier.create(counters.purgeExpired(NOW.plusSeconds(60))).expectNext(1L).expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void aNegativeAmountIsRefusedBeforeWriting() {
        counters.add("k", 5, NOW, TOMORROW).block(TIMEOUT);

        StepVerifier.create(counters.add("k", -1, NOW, TOMORROW)).expectError(IllegalArgumentException.class)
                .verify(TIMEOUT);
        StepVerifier.create(counters.add("new", -1, NOW, TOMORROW)).expectError(IllegalArgumentException.class)
                .verify(TIMEOUT);

        StepVerifier.create(counters.find("k", NOW)).expectNext(5L).expectComplete().verify(TIMEOUT);
        StepVerifier.create(counters.purgeExpired(TOMORROW)).expectNext(1L).expectComplete().verify(TIMEOUT);
    }

    @Test
    void unicodeKeysAreKeptApart() {
        counters.add("tokens:müller", 5, NOW, TOMORROW).block(TIMEOUT);

        StepVerifier.create(counters.find("tokens:muller", NOW)).expectNext(0L).expectComplete().verify(TIMEOUT);
        StepVerifier.create(counters.find("tokens:MÜLLER", NOW)).expectNext(0L).expectComplete().verify(TIMEOUT);
        StepVerifier.create(counters.find("tokens:müller", NOW)).expectNext(5L).expectComplete().verify(TIMEOUT);
    }

    @Test
    void purgeDeletesTheSumsExpiredAtOrBeforeTheInstantAndCountsThem() {
        counters.add("old", 1, NOW, NOW.plusSeconds(10)).block(TIMEOUT);
        counters.add("due", 2, NOW, NOW.plusSeconds(50)).block(TIMEOUT);
        counters.add("new", 3, NOW, NOW.plusSeconds(100)).block(TIMEOUT);

        StepVerifier.create(counters.purgeExpired(NOW.plusSeconds(50))).expectNext(2L).expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(counters.purgeExpired(NOW.plusSeconds(50))).expectNext(0L).expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(counters.find("new", NOW.plusSeconds(50))).expectNext(3L).expectComplete()
                .verify(TIMEOUT);
        // A purged sum starts over.
        StepVerifier.create(counters.add("old", 4, NOW.plusSeconds(50), NOW.plusSeconds(100))).expectNext(4L)
                .expectComplete().verify(TIMEOUT);
    }

    @Test
    void additionsInATransactionThatRollsBackAreTakenBack() {
        counters.add("k", 10, NOW, TOMORROW).block(TIMEOUT);

        Mono<Object> work = counters.add("k", 5, NOW, TOMORROW)
                .then(counters.add("new", 5, NOW, TOMORROW))
                .then(Mono.error(new IllegalStateException("rolled back")));
        StepVerifier.create(transactions.inTransaction(work)).expectError(IllegalStateException.class).verify(TIMEOUT);

        StepVerifier.create(counters.find("k", NOW)).expectNext(10L).expectComplete().verify(TIMEOUT);
        StepVerifier.create(counters.find("new", NOW)).expectNext(0L).expectComplete().verify(TIMEOUT);
        StepVerifier.create(transactions.inTransaction(counters.add("k", 1, NOW, TOMORROW)
                        .then(counters.add("k", 1, NOW, TOMORROW))))
                .expectNext(12L).expectComplete().verify(TIMEOUT);
        StepVerifier.create(counters.find("k", NOW)).expectNext(12L).expectComplete().verify(TIMEOUT);
    }
}
