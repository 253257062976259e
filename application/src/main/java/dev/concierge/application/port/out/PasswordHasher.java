package dev.concierge.application.port.out;

import dev.concierge.domain.account.PasswordCandidate;
import dev.concierge.domain.tenant.PasswordHash;
import dev.concierge.domain.tenant.PlainPassword;
import reactor.core.publisher.Mono;

/**
 * One-way password hashing. Hashing is deliberately slow; implementations must do it off the event loop, and may
 * bound how much of it runs and waits at once: work beyond that bound is refused at once with
 * {@link java.util.concurrent.RejectedExecutionException} (the caller answers "busy, try again"), never queued
 * without limit.
 */
public interface PasswordHasher {

    /** @return a salted hash of the password; never empty */
    Mono<PasswordHash> hash(PlainPassword password);

    /** @return whether the password produced the hash; never empty, {@code false} for a malformed hash */
    Mono<Boolean> matches(PasswordCandidate candidate, PasswordHash hash);
}
