package dev.concierge.bootstrap.startup;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deletes records that no longer count every few minutes, so that their tables stay small: expired attempt
 * counters, one-time tokens and rolling limits, and sent mails past their time on record. Each already counts as
 * absent (or is kept only for the record), so it does not matter when, or on how many instances at once, this runs.
 */
public final class ExpiredRecordsPurge extends BackgroundTask {

    private static final Logger log = LoggerFactory.getLogger(ExpiredRecordsPurge.class);
    private static final Duration EVERY = Duration.ofMinutes(10);

    private final Map<String, Supplier<Mono<Long>>> purges;

    /** @param purges what to purge, by a name for the log, each returning how many records it deleted */
    public ExpiredRecordsPurge(Map<String, Supplier<Mono<Long>>> purges) {
        this.purges = Map.copyOf(purges);
    }

    @Override
    protected Disposable begin() {
        return Flux.interval(EVERY, EVERY)
                .concatMap(tick -> Flux.fromIterable(purges.entrySet())
                        .concatMap(purge -> purge.getValue().get()
                                .doOnNext(deleted -> log.debug("Purged {} {}", deleted, purge.getKey()))
                                .onErrorResume(error -> {
                                    log.warn("Could not purge {} this time: {}", purge.getKey(), error.toString());
                                    return Mono.empty();
                                })))
                .subscribe();
    }
}
