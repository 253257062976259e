package dev.concierge.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.application.port.out.PasswordHasher;
import dev.concierge.domain.account.PasswordCandidate;
import dev.concierge.domain.tenant.PasswordHash;
import dev.concierge.domain.tenant.PlainPassword;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * What every implementation of {@link PasswordHasher} must do. Subclasses provide the hasher.
 */
public abstract class PasswordHasherContractTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    protected abstract PasswordHasher hasher();

    @Test
    void hashMatchesThePasswordItWasMadeFromAndNoOther() {
        PasswordHasher hasher = hasher();
        PasswordHash hash = hasher.hash(PlainPassword.of("Sunrise42")).block(TIMEOUT);

        StepVerifier.create(hasher.matches(attempt("Sunrise42"), hash)).expectNext(true).expectComplete().verify(TIMEOUT);
        StepVerifier.create(hasher.matches(attempt("Sunrise43"), hash)).expectNext(false).expectComplete().verify(TIMEOUT);
        StepVerifier.create(hasher.matches(attempt("x"), hash)).expectNext(false).expectComplete().verify(TIMEOUT);
    }

    @Test
    void hashIsSaltedAndDoesNotContainThePassword() {
        PasswordHasher hasher = hasher();
        PasswordHash first = hasher.hash(PlainPassword.of("Sunrise42")).block(TIMEOUT);
        PasswordHash second = hasher.hash(PlainPassword.of("Sunrise42")).block(TIMEOUT);

        assertThat(first.value()).isNotEqualTo(second.value()).doesNotContain("Sunrise42");
        StepVerifier.create(hasher.matches(attempt("Sunrise42"), second)).expectNext(true).expectComplete().verify(TIMEOUT);
    }

    @Test
    void malformedHashMatchesNothingRatherThanFailing() {
        PasswordHasher hasher = hasher();

        StepVerifier.create(hasher.matches(attempt("Sunrise42"), new PasswordHash("not a hash")))
                .expectNext(false).expectComplete().verify(TIMEOUT);
        StepVerifier.create(hasher.matches(attempt("Sunrise42"), new PasswordHash("Sunrise42")))
                .expectNext(false).expectComplete().verify(TIMEOUT);
    }

    @Test
    void aPasswordOfExactly72BytesCountsEveryByte() {
        PasswordHasher hasher = hasher();
        String longest = "Aa1" + "ä".repeat(34) + "x";
        PasswordHash hash = hasher.hash(PlainPassword.of(longest)).block(TIMEOUT);

        StepVerifier.create(hasher.matches(attempt(longest), hash)).expectNext(true).expectComplete().verify(TIMEOUT);
        StepVerifier.create(hasher.matches(attempt(longest.substring(0, longest.length() - 1) + "y"), hash))
                .expectNext(false).expectComplete().verify(TIMEOUT);
    }

    private static PasswordCandidate attempt(String typed) {
        return PasswordCandidate.of(typed);
    }

    @Test
    void passwordsBeyondAsciiRoundTrip() {
        PasswordHasher hasher = hasher();
        PasswordHash hash = hasher.hash(PlainPassword.of("Grüße\uD83E\uDD50Über42")).block(TIMEOUT);

        StepVerifier.create(hasher.matches(attempt("Grüße\uD83E\uDD50Über42"), hash)).expectNext(true).expectComplete().verify(TIMEOUT);
        StepVerifier.create(hasher.matches(attempt("Grusse\uD83E\uDD50Uber42"), hash)).expectNext(false).expectComplete().verify(TIMEOUT);
    }
}
