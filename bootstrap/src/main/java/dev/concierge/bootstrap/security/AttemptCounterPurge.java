package dev.concierge.bootstrap.security;

import dev.concierge.application.port.out.AttemptCounters;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deletes expired attempt counters every few minutes so the table stays small. Expired counters already count as
 * absent, so it does not matter when, or on how many instances at once, this runs.
 */
public final class AttemptCounterPurge implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AttemptCounterPurge.class);
    private static final Duration EVERY = Duration.ofMinutes(10);

    private final AttemptCounters counters;
    private final Clock clock;
    private volatile Disposable running;

    public AttemptCounterPurge(AttemptCounters counters, Clock clock) {
        this.counters = counters;
        this.clock = clock;
    }

    @Override
    public void start() {
        running = Flux.interval(EVERY, EVERY)
                .concatMap(tick -> counters.purgeExpired(clock.instant())
                        .onErrorResume(error -> {
                            log.warn("Expired attempt counters could not be purged this time: {}", error.toString());
                            return Mono.empty();
                        }))
                .subscribe(purged -> log.debug("Purged {} expired attempt counters", purged));
    }

    @Override
    public void stop() {
        Disposable task = running;
        if (task != null) {
            task.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
