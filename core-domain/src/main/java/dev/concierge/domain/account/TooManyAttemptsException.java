package dev.concierge.domain.account;

import dev.concierge.domain.shared.DomainException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Too many attempts came from this address or for this account; the caller may try again after the wait. The message
 * never says which limit was hit, so it tells a guesser nothing about the account.
 */
public final class TooManyAttemptsException extends DomainException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public TooManyAttemptsException(Duration retryAfter) {
        super(Kind.TOO_MANY_REQUESTS, "Too many attempts. Please wait before trying again.");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.of(retryAfter);
    }
}
