package dev.concierge.adapter.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.concierge.application.port.out.PasswordHasher;
import dev.concierge.application.testing.PasswordHasherContractTest;
import dev.concierge.domain.account.PasswordCandidate;
import dev.concierge.domain.tenant.PasswordHash;
import dev.concierge.domain.tenant.PlainPassword;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** The password hasher contract on bcrypt (at the lowest cost, for speed), plus what is particular to bcrypt. */
class BcryptPasswordHasherTest extends PasswordHasherContractTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final List<BcryptPasswordHasher> opened = new ArrayList<>();

    @AfterEach
    void closeHashers() {
        opened.forEach(BcryptPasswordHasher::close);
    }

    @Override
    protected PasswordHasher hasher() {
        return open(new BcryptPasswordHasher(new PasswordHashingSettings(4)));
    }

    @Test
    void hashesWithTwelveRoundsByDefault() {
        BcryptPasswordHasher hasher = open(new BcryptPasswordHasher(PasswordHashingSettings.defaults()));
        PasswordHash hash = hasher.hash(PlainPassword.of("Sunrise42")).block(TIMEOUT);

        assertThat(hash.value()).startsWith("$2a$12$");
        assertThat(hasher.matches(PasswordCandidate.of("Sunrise42"), hash).block(TIMEOUT)).isTrue();
    }

    @Test
    void defaultPoolLeavesHalfTheProcessorsToTheEventLoopWithEightWaitingPerThread() {
        PasswordHashingSettings defaults = PasswordHashingSettings.defaults();
        int expectedThreads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);

        assertThat(defaults.bcryptStrength()).isEqualTo(12);
        assertThat(defaults.threads()).isEqualTo(expectedThreads);
        assertThat(defaults.queueCapacity()).isEqualTo(8 * expectedThreads);
        assertThat(new PasswordHashingSettings(10)).isEqualTo(new PasswordHashingSettings(10, expectedThreads,
                8 * expectedThreads));
    }

    @Test
    void refusesACostOrPoolOutsideWhatMakesSense() {
        assertThatThrownBy(() -> new BcryptPasswordHasher(3, BcryptPasswordHasher.boundedPool(1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PasswordHashingSettings(32)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PasswordHashingSettings(3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PasswordHashingSettings(12, 0, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PasswordHashingSettings(12, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hashingRunsOnTheBcryptPoolNotOnTheCallingNonBlockingThread() {
        // bcrypt keeps a core busy for a quarter of a second: it must leave the event loop for its own pool.
        BcryptPasswordHasher hasher = open(new BcryptPasswordHasher(new PasswordHashingSettings(4, 1, 1)));
        AtomicReference<Thread> hashedOn = new AtomicReference<>();
        Mono<PasswordHash> fromEventLoopLikeThread = Mono.just("go")
                .publishOn(Schedulers.parallel())
                .flatMap(ignored -> hasher.hash(PlainPassword.of("Sunrise42")))
                .doOnNext(ignored -> hashedOn.set(Thread.currentThread()));

        StepVerifier.create(fromEventLoopLikeThread).expectNextCount(1).expectComplete().verify(TIMEOUT);
        assertThat(hashedOn.get().getName()).isEqualTo("bcrypt-1");
        assertThat(hashedOn.get().isDaemon()).isTrue();
    }

    @Test
    void aCallBeyondTheRunningAndWaitingWorkFailsAtOnceUntilThePoolDrains() throws Exception {
        ThreadPoolExecutor pool = BcryptPasswordHasher.boundedPool(1, 1);
        BcryptPasswordHasher hasher = open(new BcryptPasswordHasher(4, pool));
        PasswordHash known = hasher.hash(PlainPassword.of("Sunrise42")).block(TIMEOUT);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // Stands in for a long hash: the only thread stays busy until the test lets it go.
        pool.execute(() -> {
            running.countDown();
            awaitQuietly(release);
        });
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Boolean> queued = hasher.matches(PasswordCandidate.of("Sunrise42"), known).toFuture();
        assertThat(pool.getQueue()).hasSize(1);

        long started = System.nanoTime();
        Mono<PasswordHash> third = hasher.hash(PlainPassword.of("Sunrise42"));
        StepVerifier.create(third).expectError(RejectedExecutionException.class).verify(TIMEOUT);
        StepVerifier.create(hasher.matches(PasswordCandidate.of("Sunrise42"), known))
                .expectError(RejectedExecutionException.class).verify(TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(queued).isNotDone();

        release.countDown();
        assertThat(queued.get(10, TimeUnit.SECONDS)).isTrue();
        StepVerifier.create(third).expectNextCount(1).expectComplete().verify(TIMEOUT);
    }

    @Test
    void closingStopsThePoolAndLaterCallsAreRefused() throws InterruptedException {
        ThreadPoolExecutor pool = BcryptPasswordHasher.boundedPool(1, 1);
        BcryptPasswordHasher hasher = new BcryptPasswordHasher(4, pool);
        hasher.hash(PlainPassword.of("Sunrise42")).block(TIMEOUT);

        hasher.close();

        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        StepVerifier.create(hasher.hash(PlainPassword.of("Sunrise42")))
                .expectError(RejectedExecutionException.class).verify(TIMEOUT);
    }

    @Test
    void theConfigurationHashesWithTheSettingsAndStopsTheThreadsWithTheContext() {
        PasswordHasher hasher;
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.registerBean(PasswordHashingSettings.class, () -> new PasswordHashingSettings(5, 1, 2));
            context.register(PasswordHashingConfiguration.class);
            context.refresh();
            hasher = context.getBean(PasswordHasher.class);

            assertThat(hasher.hash(PlainPassword.of("Sunrise42")).block(TIMEOUT).value()).startsWith("$2a$05$");
        }

        StepVerifier.create(hasher.hash(PlainPassword.of("Sunrise42")))
                .expectError(RejectedExecutionException.class).verify(TIMEOUT);
    }

    private BcryptPasswordHasher open(BcryptPasswordHasher hasher) {
        opened.add(hasher);
        return hasher;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
