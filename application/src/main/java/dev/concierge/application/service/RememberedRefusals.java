package dev.concierge.application.service;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this instance already learned from the shared counters about a client address: that it is refused until a
 * known instant. Only refusals that nothing can lift early are remembered (a rate window that is full stays full
 * until it ends; an address lock ends only with time), so answering them from memory gives exactly the answer the
 * database would give, without asking it: a flood from one address costs no database work once it is refused.
 * Bounded: when full of live entries, new refusals are simply not remembered and the database answers them.
 */
final class RememberedRefusals {

    private final Map<String, Instant> until = new ConcurrentHashMap<>();
    private final int maxEntries;

    RememberedRefusals(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** Until when {@code key} is refused, if this instance knows it is at {@code now}. */
    Optional<Instant> refusedUntil(String key, Instant now) {
        Instant end = until.get(key);
        if (end == null) {
            return Optional.empty();
        }
        if (!now.isBefore(end)) {
            until.remove(key, end);
            return Optional.empty();
        }
        return Optional.of(end);
    }

    /** Remembers that {@code key} is refused until {@code end}, unless memory is full of refusals still running. */
    void remember(String key, Instant end, Instant now) {
        if (until.size() >= maxEntries && !until.containsKey(key)) {
            until.values().removeIf(known -> !now.isBefore(known));
            if (until.size() >= maxEntries) {
                return;
            }
        }
        until.merge(key, end, (known, added) -> known.isAfter(added) ? known : added);
    }
}
