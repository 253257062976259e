package dev.concierge.application.port.out;

import dev.concierge.domain.account.Attempts;
import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * Counters of attempts (failed sign-ins, requests from one address in a time window) shared by every instance, so
 * that limits hold behind a load balancer. Each counter lives under a key of the caller's choosing and expires at an
 * instant the caller sets; an expired counter counts as if it did not exist.
 *
 * <p>Keys are 1 to {@value #MAX_KEY_LENGTH} characters; a longer or blank key is a programming error
 * ({@link IllegalArgumentException}, signalled before anything is written).
 */
public interface AttemptCounters {

    int MAX_KEY_LENGTH = 300;

    /**
     * Counts one more attempt under {@code key}. The increment is atomic across instances: of {@code n} concurrent
     * increments of one counter none is lost, and each sees a different count. A counter that had expired at
     * {@code now} (or never existed) starts over, so this attempt is its first.
     *
     * @param now       when the attempt happened; becomes the counter's {@link Attempts#last()}
     * @param expiresAt when the counter is forgotten; replaces the expiry it had
     * @return the counter after this attempt; never empty
     */
    Mono<Attempts> increment(String key, Instant now, Instant expiresAt);

    /** @return the counter under {@code key}, or empty if there is none or it had expired at {@code now} */
    Mono<Attempts> find(String key, Instant now);

    /** Forgets the counter under {@code key}; completes empty, also when there was none. */
    Mono<Void> reset(String key);

    /**
     * Deletes the counters that expired before {@code now}, to keep storage small; they count as absent anyway.
     *
     * @return how many were deleted
     */
    Mono<Long> purgeExpired(Instant now);
}
