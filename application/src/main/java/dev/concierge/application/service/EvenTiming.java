package dev.concierge.application.service;

import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * Answers no sooner than a floor, so that the time an answer takes does not tell which path the work took (an
 * account found and a mail queued, or nothing found). Work that takes longer than the floor still shows its time;
 * the floor is chosen well above the usual duration of the longer path.
 */
final class EvenTiming {

    private EvenTiming() {
    }

    /** {@code work}'s outcome, value or error, signalled once both {@code work} finished and {@code floor} passed. */
    static <T> Mono<T> atLeast(Duration floor, Mono<T> work) {
        if (floor.isZero()) {
            return work;
        }
        return Mono.defer(() -> work.materialize().zipWith(Mono.delay(floor), (signal, tick) -> signal))
                .dematerialize();
    }
}
