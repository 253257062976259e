package dev.concierge.domain.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When repeated failed sign-ins lock the door, and for how long. The first {@code freeFailures} failures cost nothing;
 * each one after that locks sign-in for a wait that doubles from {@code firstWait} up to {@code maxWait}, so a guesser
 * gets a handful of tries an hour while the owner, who knows the password, is never locked out for longer than
 * {@code maxWait}. Failures are forgotten {@code forgetAfter} after the last one.
 *
 * @param freeFailures at least 1
 * @param firstWait    positive
 * @param maxWait      at least {@code firstWait}
 * @param forgetAfter  at least {@code maxWait}
 */
public record BruteForcePolicy(int freeFailures, Duration firstWait, Duration maxWait, Duration forgetAfter) {

    public BruteForcePolicy {
        if (freeFailures < 1) {
            throw new IllegalArgumentException("at least one failure must be free, was " + freeFailures);
        }
        Objects.requireNonNull(firstWait, "firstWait");
        Objects.requireNonNull(maxWait, "maxWait");
        Objects.requireNonNull(forgetAfter, "forgetAfter");
        if (firstWait.isNegative() || firstWait.isZero() || maxWait.compareTo(firstWait) < 0
                || forgetAfter.compareTo(maxWait) < 0) {
            throw new IllegalArgumentException("waits must satisfy 0 < firstWait <= maxWait <= forgetAfter");
        }
    }

    /** The wait that {@code failures} consecutive failures impose after the last of them, if any. */
    public Optional<Duration> waitAfter(int failures) {
        int locking = failures - freeFailures;
        if (locking < 1) {
            return Optional.empty();
        }
        // Doubling 30 times already exceeds any sensible cap; stop before the multiplication overflows.
        Duration wait = firstWait.multipliedBy(1L << Math.min(locking - 1, 30));
        return Optional.of(wait.compareTo(maxWait) > 0 ? maxWait : wait);
    }

    /** Until when sign-in stays locked after these failures; empty if it is not locked at {@code now}. */
    public Optional<Instant> lockedUntil(Attempts failures, Instant now) {
        return waitAfter(failures.count())
                .map(failures.last()::plus)
                .filter(now::isBefore);
    }
}
