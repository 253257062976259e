package dev.concierge.application.service;

import java.time.Duration;
import java.util.Objects;

/**
 * How the outbox is worked off.
 *
 * @param batchSize     how many due mails one poll claims, 1 to 100
 * @param parallelSends how many of them are sent at once, 1 to {@code batchSize}
 * @param lease         how long a claimed mail stays hidden from other pollers; longer than sending a batch can take
 *                      with every send running into its timeouts, or a slow batch would be sent twice
 * @param maxAttempts   attempts before a mail is given up as failed
 * @param firstRetry    the wait after the first failed attempt; each further failure doubles it
 * @param maxRetry      the longest wait between attempts
 * @param keepSent      how long sent mails stay on record before they are deleted
 */
public record MailRelayPolicy(int batchSize, int parallelSends, Duration lease, int maxAttempts, Duration firstRetry,
        Duration maxRetry, Duration keepSent) {

    public MailRelayPolicy {
        if (batchSize < 1 || batchSize > 100) {
            throw new IllegalArgumentException("a batch holds 1 to 100 mails, was " + batchSize);
        }
        if (parallelSends < 1 || parallelSends > batchSize) {
            throw new IllegalArgumentException("1 to batchSize mails are sent at once, was " + parallelSends);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("a mail gets at least one attempt, was " + maxAttempts);
        }
        requirePositive(lease, "lease");
        requirePositive(firstRetry, "firstRetry");
        requirePositive(maxRetry, "maxRetry");
        requirePositive(keepSent, "keepSent");
    }

    /**
     * Ten mails a poll, four at once, a five-minute lease; twelve attempts with waits from 30 seconds doubling to an
     * hour (about five hours of trying, enough to ride out a mail server's maintenance window); sent mails kept on
     * record for a week.
     */
    public static MailRelayPolicy defaults() {
        return new MailRelayPolicy(10, 4, Duration.ofMinutes(5), 12, Duration.ofSeconds(30), Duration.ofHours(1),
                Duration.ofDays(7));
    }

    /** The wait after failed attempt number {@code attempt} (from 1), before any jitter. */
    public Duration retryDelay(int attempt) {
        Duration delay = firstRetry;
        for (int i = 1; i < attempt && delay.compareTo(maxRetry) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxRetry) < 0 ? delay : maxRetry;
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }
}
