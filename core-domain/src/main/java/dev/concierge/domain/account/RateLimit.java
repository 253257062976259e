package dev.concierge.domain.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * At most {@code max} requests of one kind per {@code window}, counted in fixed windows aligned to the epoch (one
 * minute from :00 to :59, say). Fixed windows may let up to twice {@code max} through around a window's edge; for
 * slowing down abuse that is close enough and costs one counter per window.
 *
 * @param max    at least 1
 * @param window at least one second, in whole seconds
 */
public record RateLimit(int max, Duration window) {

    public RateLimit {
        if (max < 1) {
            throw new IllegalArgumentException("a rate limit lets at least one request through, was " + max);
        }
        Objects.requireNonNull(window, "window");
        if (window.getSeconds() < 1 || window.getNano() != 0) {
            throw new IllegalArgumentException("a rate-limit window is a whole number of seconds, was " + window);
        }
    }

    /** The start of the window {@code now} falls in. */
    public Instant windowStart(Instant now) {
        long seconds = window.getSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), seconds) * seconds);
    }

    /** The end of the window {@code now} falls in: when the count starts over. */
    public Instant windowEnd(Instant now) {
        return windowStart(now).plus(window);
    }

    /** Whether the {@code count}th request of a window is over the limit. */
    public boolean exceededBy(int count) {
        return count > max;
    }
}
