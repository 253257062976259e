package dev.concierge.adapter.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.concierge.application.port.out.PasswordHasher;
import dev.concierge.application.testing.PasswordHasherContractTest;
import dev.concierge.domain.tenant.PasswordHash;
import dev.concierge.domain.tenant.PlainPassword;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** The password hasher contract on bcrypt (at the lowest cost, for speed), plus what is particular to bcrypt. */
class BcryptPasswordHasherTest extends PasswordHasherContractTest {

    @Override
    protected PasswordHasher hasher() {
        return new BcryptPasswordHasher(4);
    }

    @Test
    void hashesWithTwelveRoundsByDefault() {
        BcryptPasswordHasher hasher = new BcryptPasswordHasher(PasswordHashingSettings.defaults().bcryptStrength());
        PasswordHash hash = hasher.hash(PlainPassword.of("Sunrise42")).block();

        assertThat(hash.value()).startsWith("$2a$12$");
        assertThat(hasher.matches(dev.concierge.domain.account.PasswordCandidate.of("Sunrise42"), hash).block()).isTrue();
    }

    @Test
    void refusesACostOutsideWhatBcryptDefines() {
        assertThatThrownBy(() -> new BcryptPasswordHasher(3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PasswordHashingSettings(32)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hashingRunsOffTheCallingNonBlockingThread() {
        // bcrypt keeps a core busy for a quarter of a second: it must leave the event loop for the blocking pool.
        AtomicReference<String> hashedOn = new AtomicReference<>();
        Mono<PasswordHash> fromEventLoopLikeThread = Mono.just("go")
                .publishOn(Schedulers.parallel())
                .flatMap(ignored -> new BcryptPasswordHasher(4).hash(PlainPassword.of("Sunrise42")))
                .doOnNext(ignored -> hashedOn.set(Thread.currentThread().getName()));

        StepVerifier.create(fromEventLoopLikeThread).expectNextCount(1).verifyComplete();
        assertThat(hashedOn.get()).contains("boundedElastic");
    }
}
