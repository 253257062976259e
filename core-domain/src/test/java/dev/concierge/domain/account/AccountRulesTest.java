package dev.concierge.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.concierge.domain.shared.InvalidValueException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccountRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private final BruteForcePolicy policy =
            new BruteForcePolicy(5, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(12));

    @Test
    void theFirstFailuresAreFreeThenWaitsDoubleUpToTheCap() {
        assertThat(policy.waitAfter(5)).isEmpty();
        assertThat(policy.waitAfter(6)).hasValue(Duration.ofSeconds(30));
        assertThat(policy.waitAfter(7)).hasValue(Duration.ofSeconds(60));
        assertThat(policy.waitAfter(9)).hasValue(Duration.ofMinutes(4));
        assertThat(policy.waitAfter(11)).hasValue(Duration.ofMinutes(15));
        assertThat(policy.waitAfter(Integer.MAX_VALUE)).as("capped, never overflowing").hasValue(Duration.ofMinutes(15));
    }

    @Test
    void aLockEndsWhenItsWaitHasPassed() {
        Attempts failures = new Attempts(6, NOW);

        assertThat(policy.lockedUntil(failures, NOW.plusSeconds(29))).hasValue(NOW.plusSeconds(30));
        assertThat(policy.lockedUntil(failures, NOW.plusSeconds(30))).isEmpty();
        assertThat(policy.lockedUntil(new Attempts(5, NOW), NOW)).isEmpty();
    }

    @Test
    void fixedWindowsAlignToTheEpoch() {
        RateLimit limit = new RateLimit(10, Duration.ofMinutes(1));
        Instant inside = Instant.parse("2026-11-27T10:00:42.5Z");

        assertThat(limit.windowStart(inside)).isEqualTo(NOW);
        assertThat(limit.windowEnd(inside)).isEqualTo(NOW.plusSeconds(60));
        assertThat(limit.exceededBy(10)).isFalse();
        assertThat(limit.exceededBy(11)).isTrue();
        assertThatThrownBy(() -> new RateLimit(1, Duration.ofMillis(1500))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPasswordAttemptNeedNotMeetThePolicyButMustFitBcrypt() {
        assertThat(PasswordCandidate.of("short").reveal()).isEqualTo("short");
        assertThat(PasswordCandidate.of("ä".repeat(36)).reveal()).hasSize(36);
        assertThatThrownBy(() -> PasswordCandidate.of("ä".repeat(37)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("72 bytes");
        assertThatThrownBy(() -> PasswordCandidate.of("")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> PasswordCandidate.of("abc\u0000def")).isInstanceOf(InvalidValueException.class);
        assertThat(PasswordCandidate.of("Secret123").toString()).doesNotContain("Secret123");
    }

    @Test
    void tooManyAttemptsSaysHowLongToWait() {
        assertThat(new TooManyAttemptsException(Duration.ofSeconds(90)).retryAfter()).hasValue(Duration.ofSeconds(90));
    }

    @Test
    void aRollingLimitRemembersAtMostAHundredEventsOverAtLeastASecond() {
        assertThat(RollingLimit.PASSWORD_RESET_MAILS).isEqualTo(new RollingLimit(3, Duration.ofHours(1)));
        assertThatThrownBy(() -> new RollingLimit(0, Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RollingLimit(101, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RollingLimit(3, Duration.ofMillis(999)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
