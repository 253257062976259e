package dev.concierge.domain.account;

import java.time.Duration;
import java.util.Objects;

/**
 * At most {@code max} events of one kind within any {@code window} that ends now (a rolling window, unlike the fixed
 * windows of {@link RateLimit}): exact, for limits small enough that every event can be remembered.
 *
 * @param max    1 to {@value #MAX_EVENTS}
 * @param window at least one second
 */
public record RollingLimit(int max, Duration window) {

    /** The most events a rolling limit remembers per key. */
    public static final int MAX_EVENTS = 100;

    /** At most three password-reset mails to one owner in any hour. */
    public static final RollingLimit PASSWORD_RESET_MAILS = new RollingLimit(3, Duration.ofHours(1));

    public RollingLimit {
        if (max < 1 || max > MAX_EVENTS) {
            throw new IllegalArgumentException("a rolling limit allows 1 to " + MAX_EVENTS + " events, was " + max);
        }
        Objects.requireNonNull(window, "window");
        if (window.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("a rolling window lasts at least a second, was " + window);
        }
    }
}
