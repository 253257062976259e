package dev.concierge.adapter.llm.resilience;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Stops calling a provider that failed several times in a row, so that visitors get the fallback answer at once
 * instead of waiting out timeouts and retries, and the provider is not hammered while it recovers.
 *
 * <p>Tuned for low traffic: it counts consecutive failures rather than a failure rate over a window, which a handful
 * of chats an hour would never fill. After {@code failureThreshold} failures in a row it opens; after
 * {@code openDuration} it lets one probe call through (half-open): the probe's success closes it, its failure opens it
 * again, and its cancellation lets the next call probe. The state is per instance on purpose: it is a local guess
 * about the provider's health, not data that must agree across instances.
 *
 * <p>Thread-safe; every method is short and never waits on I/O.
 */
public final class CircuitBreaker {

    /** Where the breaker stands. */
    public enum State {
        /** Calls go through. */
        CLOSED,
        /** Calls fail fast until the open period has passed. */
        OPEN,
        /** One probe call is on its way; others fail fast until it ends. */
        HALF_OPEN
    }

    public static final int DEFAULT_FAILURE_THRESHOLD = 5;
    public static final Duration DEFAULT_OPEN_DURATION = Duration.ofSeconds(30);

    private final int failureThreshold;
    private final Duration openDuration;
    private final Clock clock;

    private State state = State.CLOSED;
    private int consecutiveFailures;
    private Instant openedAt;

    /**
     * @param failureThreshold how many failures in a row open the breaker, at least 1
     * @param openDuration     how long it stays open before a probe, positive
     */
    public CircuitBreaker(int failureThreshold, Duration openDuration, Clock clock) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("the failure threshold is at least 1, was " + failureThreshold);
        }
        Objects.requireNonNull(openDuration, "openDuration");
        if (openDuration.isNegative() || openDuration.isZero()) {
            throw new IllegalArgumentException("the open duration must be positive, was " + openDuration);
        }
        this.failureThreshold = failureThreshold;
        this.openDuration = openDuration;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Five failures in a row open it for 30 seconds. */
    public static CircuitBreaker withDefaults(Clock clock) {
        return new CircuitBreaker(DEFAULT_FAILURE_THRESHOLD, DEFAULT_OPEN_DURATION, clock);
    }

    /**
     * Asks to make a call. A caller that got {@code true} reports how the call ended with exactly one of
     * {@link #onSuccess()}, {@link #onFailure()} or {@link #onAbandoned()}.
     *
     * @return whether the call may go ahead
     */
    public synchronized boolean tryAcquire() {
        return switch (state) {
            case CLOSED -> true;
            case HALF_OPEN -> false;
            case OPEN -> {
                if (clock.instant().isBefore(openedAt.plus(openDuration))) {
                    yield false;
                }
                state = State.HALF_OPEN;
                yield true;
            }
        };
    }

    /** The call reached a provider that answered: the breaker closes and the count starts over. */
    public synchronized void onSuccess() {
        state = State.CLOSED;
        consecutiveFailures = 0;
    }

    /** The call failed in a way that says the provider is unwell. */
    public synchronized void onFailure() {
        consecutiveFailures++;
        if (state == State.HALF_OPEN || consecutiveFailures >= failureThreshold) {
            state = State.OPEN;
            openedAt = clock.instant();
        }
    }

    /** The call ended without telling anything (cancelled): a probe's place goes to the next call. */
    public synchronized void onAbandoned() {
        if (state == State.HALF_OPEN) {
            state = State.OPEN;
            openedAt = clock.instant().minus(openDuration);
        }
    }

    public synchronized State state() {
        return state;
    }

    /** How long an open breaker stays open after it opened. */
    public Duration openDuration() {
        return openDuration;
    }
}
