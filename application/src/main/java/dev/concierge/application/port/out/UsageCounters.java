package dev.concierge.application.port.out;

import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * Sums shared by every instance, such as the tokens a tenant used today, so that a budget holds behind a load
 * balancer. Each sum lives under a key and is forgotten at the expiry its first addition set; keys are 1 to
 * {@value #MAX_KEY_LENGTH} characters.
 */
public interface UsageCounters {

    int MAX_KEY_LENGTH = 300;

    /**
     * Adds {@code amount} (0 or more) to the sum under {@code key}, atomically across instances: of concurrent
     * additions none is lost. A sum that had expired at {@code now} starts over from 0 and expires at
     * {@code expiresAt}.
     *
     * @return the sum after this addition
     */
    Mono<Long> add(String key, long amount, Instant now, Instant expiresAt);

    /** @return the sum under {@code key}, 0 when there is none or it had expired at {@code now} */
    Mono<Long> find(String key, Instant now);

    /** Deletes the sums that expired at or before {@code now}; @return how many */
    Mono<Long> purgeExpired(Instant now);
}
