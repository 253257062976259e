package dev.concierge.application.testing;

import dev.concierge.application.port.out.AttemptCounters;
import dev.concierge.domain.account.Attempts;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Attempt counters in memory, for tests and for embedding the core in a single process. Shared by nothing but this
 * process, so limits built on it hold for one instance only.
 */
public final class InMemoryAttemptCounters implements AttemptCounters {

    private record Counter(int count, Instant last, Instant expiresAt) {
    }

    private final Map<String, Counter> counters = new HashMap<>();

    @Override
    public Mono<Attempts> increment(String key, Instant now, Instant expiresAt) {
        return Mono.fromSupplier(() -> {
            requireKey(key);
            synchronized (counters) {
                Counter current = counters.get(key);
                int count = current == null || !now.isBefore(current.expiresAt()) ? 1 : current.count() + 1;
                counters.put(key, new Counter(count, now, expiresAt));
                return new Attempts(count, now);
            }
        });
    }

    @Override
    public Mono<Attempts> find(String key, Instant now) {
        return Mono.fromSupplier(() -> {
            requireKey(key);
            synchronized (counters) {
                Counter current = counters.get(key);
                return current == null || !now.isBefore(current.expiresAt()) ? null
                        : new Attempts(current.count(), current.last());
            }
        });
    }

    @Override
    public Mono<Void> reset(String key) {
        return Mono.fromRunnable(() -> {
            requireKey(key);
            synchronized (counters) {
                counters.remove(key);
            }
        });
    }

    @Override
    public Mono<Long> purgeExpired(Instant now) {
        return Mono.fromSupplier(() -> {
            synchronized (counters) {
                int before = counters.size();
                counters.values().removeIf(counter -> !now.isBefore(counter.expiresAt()));
                return (long) (before - counters.size());
            }
        });
    }

    /** The key rule every implementation applies, shared with the database stores' tests. */
    public static void requireKey(String key) {
        if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("a counter key is 1 to " + MAX_KEY_LENGTH + " characters");
        }
    }
}
