package dev.concierge.application.testing;

import dev.concierge.application.port.out.RollingLimits;
import dev.concierge.domain.account.RollingLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Rolling limits in memory: each key keeps the instants of its events that still count. An acquisition holds the
 * store's lock, so of concurrent ones exactly as many succeed as fit; it records its undo step, so it takes part in the
 * transactions of {@link InMemoryTransactions}. For tests and for embedding the core in a single process: shared by
 * nothing else, so limits built on it hold for one instance only.
 */
public final class InMemoryRollingLimits implements RollingLimits {

    /** The events of one key that may still count, oldest first, and until when the latest of them counts. */
    private record Events(List<Instant> instants, Instant forgetAt) {
    }

    private final Map<String, Events> byKey = new HashMap<>();

    @Override
    public Mono<Boolean> tryAcquire(String key, RollingLimit limit, Instant now) {
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(now, "now");
        return Mono.deferContextual(context -> Mono.fromSupplier(() -> {
            requireKey(key);
            Instant windowStart = now.minus(limit.window());
            synchronized (byKey) {
                Events events = byKey.get(key);
                // An event exactly one window ago no longer counts; events stamped after now (a clock ahead) do.
                List<Instant> counting = new ArrayList<>(events == null ? List.of()
                        : events.instants().stream().filter(windowStart::isBefore).toList());
                if (counting.size() >= limit.max()) {
                    return false;
                }
                counting.add(now);
                counting.sort(null);
                byKey.put(key, new Events(List.copyOf(counting), latest(counting).plus(limit.window())));
            }
            InMemoryTransactions.recordUndo(context, () -> forget(key, now));
            return true;
        }));
    }

    @Override
    public Mono<Long> purgeExpired(Instant now) {
        Objects.requireNonNull(now, "now");
        return Mono.deferContextual(context -> Mono.fromSupplier(() -> {
            Map<String, Events> purged = new HashMap<>();
            synchronized (byKey) {
                byKey.forEach((key, events) -> {
                    if (!now.isBefore(events.forgetAt())) {
                        purged.put(key, events);
                    }
                });
                byKey.keySet().removeAll(purged.keySet());
            }
            if (!purged.isEmpty()) {
                InMemoryTransactions.recordUndo(context, () -> {
                    synchronized (byKey) {
                        purged.forEach(byKey::putIfAbsent);
                    }
                });
            }
            return (long) purged.size();
        }));
    }

    /** The key rule every implementation applies. */
    public static void requireKey(String key) {
        if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("a rolling-limit key is 1 to " + MAX_KEY_LENGTH + " characters");
        }
    }

    /** Undoes one acquisition: the event at {@code at} is taken out again, and the key with it if it was the last. */
    private void forget(String key, Instant at) {
        synchronized (byKey) {
            Events events = byKey.get(key);
            if (events == null) {
                return;
            }
            List<Instant> rest = new ArrayList<>(events.instants());
            rest.remove(at);
            if (rest.isEmpty()) {
                byKey.remove(key);
            } else {
                Duration window = Duration.between(latest(events.instants()), events.forgetAt());
                byKey.put(key, new Events(List.copyOf(rest), latest(rest).plus(window)));
            }
        }
    }

    private static Instant latest(List<Instant> sorted) {
        return sorted.get(sorted.size() - 1);
    }
}
