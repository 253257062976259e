package dev.concierge.adapter.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.domain.tenant.PasswordHash;
import dev.concierge.domain.tenant.PlainPassword;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class BcryptPasswordHasherTest {

    private final BcryptPasswordHasher hasher = new BcryptPasswordHasher(BcryptPasswordHasher.DEFAULT_STRENGTH);

    @Test
    void hashesWithTwelveRoundsAndChecksTheOriginalOnly() {
        PasswordHash hash = hasher.hash(PlainPassword.of("Sunrise42")).block();

        assertThat(hash.value()).startsWith("$2a$12$").doesNotContain("Sunrise42");
        assertThat(hasher.matches("Sunrise42", hash).block()).isTrue();
        assertThat(hasher.matches("Sunrise43", hash).block()).isFalse();
        assertThat(hasher.hash(PlainPassword.of("Sunrise42")).block()).as("salted").isNotEqualTo(hash);
    }

    @Test
    void malformedHashNeverMatches() {
        assertThat(hasher.matches("Sunrise42", new PasswordHash("not-a-bcrypt-hash")).block()).isFalse();
    }

    @Test
    void hashingRunsOffTheCallingNonBlockingThread() {
        // BlockHound (installed for every test here) would fail this if bcrypt ran on the parallel scheduler.
        AtomicReference<String> hashedOn = new AtomicReference<>();
        Mono<PasswordHash> fromEventLoopLikeThread = Mono.just("go")
                .publishOn(Schedulers.parallel())
                .flatMap(ignored -> new BcryptPasswordHasher(4).hash(PlainPassword.of("Sunrise42")))
                .doOnNext(ignored -> hashedOn.set(Thread.currentThread().getName()));

        StepVerifier.create(fromEventLoopLikeThread).expectNextCount(1).verifyComplete();
        assertThat(hashedOn.get()).contains("boundedElastic");
    }
}
