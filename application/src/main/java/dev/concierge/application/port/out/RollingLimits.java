package dev.concierge.application.port.out;

import dev.concierge.domain.account.RollingLimit;
import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * Exact rolling-window limits shared by every instance: each key remembers the instants of its recent events, so that
 * "at most three in any hour" holds to the event, behind a load balancer too.
 *
 * <p>One key is used with one limit; its events are kept until a window after the latest of them. Keys are 1 to {@value #MAX_KEY_LENGTH} characters; a longer or blank key is a programming error
 * ({@link IllegalArgumentException}, signalled before anything is written).
 */
public interface RollingLimits {

    int MAX_KEY_LENGTH = 300;

    /**
     * Records an event under {@code key} at {@code now} if fewer than {@code limit.max()} events were recorded under
     * it in the window of {@code limit.window()} that ends at {@code now} (an event exactly one window before
     * {@code now} no longer counts). Atomic across instances: when {@code k} more events fit, then of {@code n > k}
     * concurrent calls exactly {@code k} record theirs. Inside a transaction that rolls back, the event is not kept.
     *
     * @return {@code true} when the event was recorded; {@code false}, recording nothing, when the limit was reached
     */
    Mono<Boolean> tryAcquire(String key, RollingLimit limit, Instant now);

    /**
     * Forgets the keys whose latest recorded event lies one window (of the limit it was recorded under) or more
     * before {@code now}, to keep storage small: none of their events counts any more.
     *
     * @return how many keys were forgotten
     */
    Mono<Long> purgeExpired(Instant now);
}
