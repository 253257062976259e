package dev.concierge.application.testing;

import dev.concierge.application.port.out.UsageCounters;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Usage sums in memory. An addition holds the store's lock, so of concurrent ones none is lost; it records its undo
 * step (taking its amount out again), so it takes part in the transactions of {@link InMemoryTransactions}. For tests
 * and for embedding the core in a single process: shared by nothing else, so budgets built on it hold for one
 * instance only.
 */
public final class InMemoryUsageCounters implements UsageCounters {

    private record Sum(long amount, Instant expiresAt) {

        boolean expiredAt(Instant now) {
            return !now.isBefore(expiresAt);
        }
    }

    private final Map<String, Sum> sums = new HashMap<>();

    @Override
    public Mono<Long> add(String key, long amount, Instant now, Instant expiresAt) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(expiresAt, "expiresAt");
        return Mono.deferContextual(context -> Mono.fromSupplier(() -> {
            requireKey(key);
            if (amount < 0) {
                throw new IllegalArgumentException("a usage amount is 0 or more, was " + amount);
            }
            Sum before;
            Sum written;
            synchronized (sums) {
                before = sums.get(key);
                written = before == null || before.expiredAt(now) ? new Sum(amount, expiresAt)
                        : new Sum(Math.addExact(before.amount(), amount), before.expiresAt());
                sums.put(key, written);
            }
            InMemoryTransactions.recordUndo(context, () -> takeBack(key, amount, before, written));
            return written.amount();
        }));
    }

    @Override
    public Mono<Long> find(String key, Instant now) {
        Objects.requireNonNull(now, "now");
        return Mono.fromSupplier(() -> {
            requireKey(key);
            synchronized (sums) {
                Sum sum = sums.get(key);
                return sum == null || sum.expiredAt(now) ? 0L : sum.amount();
            }
        });
    }

    @Override
    public Mono<Long> purgeExpired(Instant now) {
        Objects.requireNonNull(now, "now");
        return Mono.deferContextual(context -> Mono.fromSupplier(() -> {
            Map<String, Sum> purged = new HashMap<>();
            synchronized (sums) {
                sums.forEach((key, sum) -> {
                    if (sum.expiredAt(now)) {
                        purged.put(key, sum);
                    }
                });
                sums.keySet().removeAll(purged.keySet());
            }
            if (!purged.isEmpty()) {
                InMemoryTransactions.recordUndo(context, () -> {
                    synchronized (sums) {
                        purged.forEach(sums::putIfAbsent);
                    }
                });
            }
            return (long) purged.size();
        }));
    }

    /** The key rule every implementation applies. */
    public static void requireKey(String key) {
        if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("a usage counter key is 1 to " + MAX_KEY_LENGTH + " characters");
        }
    }

    /**
     * Undoes one addition: the sum goes back to what it was if nothing was added since, else loses this
     * amount (down to 0, should the sum have started over since).
     */
    private void takeBack(String key, long amount, Sum before, Sum written) {
        synchronized (sums) {
            Sum current = sums.get(key);
            if (current == written) {
                if (before == null) {
                    sums.remove(key);
                } else {
                    sums.put(key, before);
                }
            } else if (current != null) {
                sums.put(key, new Sum(Math.max(0, current.amount() - amount), current.expiresAt()));
            }
        }
    }
}
