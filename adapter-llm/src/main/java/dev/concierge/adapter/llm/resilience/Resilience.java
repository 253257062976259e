package dev.concierge.adapter.llm.resilience;

import dev.concierge.application.port.out.AssistantEvent;
import dev.concierge.application.port.out.AssistantUnavailableException;
import dev.langchain4j.exception.HttpException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.util.retry.Retry;

/**
 * The policy around each streamed answer of a provider, written here rather than left to langchain4j so that it is
 * the same for every provider and knows about streaming:
 *
 * <ul>
 *   <li>a read timeout: the longest wait for the first event and then between two events (the JDK client's own
 *       timeout stops at the response headers, so a server that stalls in the middle of a stream is caught here);</li>
 *   <li>retries with exponential backoff (and jitter) only for {@linkplain Failure#retryable() failures that may pass},
 *       and only while nothing was emitted: a half-streamed answer is never replayed;</li>
 *   <li>a {@link CircuitBreaker} that fails fast while the provider is down;</li>
 *   <li>every failure ends as one {@link AssistantUnavailableException} naming the provider and what happened. When
 *       the provider answered with an HTTP error, the exception carries no cause: the response body could echo part
 *       of the API key.</li>
 * </ul>
 *
 * <p>Backoff delays and timeouts run on Reactor's parallel scheduler: nothing here sleeps or blocks.
 */
public final class Resilience {

    /** The longest pause between two attempts, however many retries are allowed. */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final String provider;
    private final int maxRetries;
    private final Duration firstBackoff;
    private final Duration readTimeout;
    private final CircuitBreaker breaker;

    /**
     * @param provider     the provider's name, for messages
     * @param maxRetries   how many times a failed attempt is repeated, 0 or more
     * @param firstBackoff the pause before the first retry, doubled for each further one, positive
     * @param readTimeout  the longest wait for the next event of a stream, positive
     */
    public Resilience(String provider, int maxRetries, Duration firstBackoff, Duration readTimeout,
            CircuitBreaker breaker) {
        this.provider = Objects.requireNonNull(provider, "provider");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries is 0 or more, was " + maxRetries);
        }
        this.maxRetries = maxRetries;
        this.firstBackoff = requirePositive(firstBackoff, "firstBackoff");
        this.readTimeout = requirePositive(readTimeout, "readTimeout");
        this.breaker = Objects.requireNonNull(breaker, "breaker");
    }

    /**
     * Runs the attempts {@code attempt} makes (it is called once per attempt, lazily) under this policy.
     *
     * @return the events of the attempt that passed; errors only with {@link AssistantUnavailableException}
     */
    public Flux<AssistantEvent> guard(Supplier<Flux<AssistantEvent>> attempt) {
        return Flux.defer(() -> {
            if (!breaker.tryAcquire()) {
                return Flux.error(new AssistantUnavailableException(provider + " is not called for now: it failed "
                        + "repeatedly, and the circuit breaker waits " + breaker.openDuration().toSeconds()
                        + " s before trying again", null));
            }
            return Flux.defer(() -> attemptOnce(attempt))
                    .retryWhen(Retry.backoff(maxRetries, firstBackoff)
                            .maxBackoff(MAX_BACKOFF)
                            .filter(error -> !(error instanceof AlreadyStreamed) && Failure.of(error).retryable())
                            .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                    .doOnComplete(breaker::onSuccess)
                    .doOnCancel(breaker::onAbandoned)
                    .onErrorMap(this::unavailable);
        });
    }

    private Flux<AssistantEvent> attemptOnce(Supplier<Flux<AssistantEvent>> attempt) {
        AtomicBoolean emitted = new AtomicBoolean();
        return attempt.get()
                .timeout(readTimeout)
                .doOnNext(event -> emitted.set(true))
                .onErrorMap(error -> emitted.get() ? new AlreadyStreamed(error) : error);
    }

    private AssistantUnavailableException unavailable(Throwable error) {
        boolean afterStart = error instanceof AlreadyStreamed;
        Throwable failure = afterStart ? error.getCause() : error;
        Failure what = Failure.of(failure);
        if (what.providerUnwell()) {
            breaker.onFailure();
        } else {
            breaker.onSuccess();
        }
        String message = provider + " failed: " + what.description()
                + (afterStart ? ", after part of the answer was streamed" : "")
                + (what.retryable() && !afterStart && maxRetries > 0 ? ", also after " + maxRetries + " retries" : "");
        return new AssistantUnavailableException(message, carriesHttpBody(failure) ? null : failure);
    }

    private static boolean carriesHttpBody(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof HttpException) {
                return true;
            }
        }
        return false;
    }

    private static Duration requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }

    /** Marks a failure that came after the first event, so that it is not retried. */
    private static final class AlreadyStreamed extends RuntimeException {

        private static final long serialVersionUID = 1L;

        AlreadyStreamed(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }
}
