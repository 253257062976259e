package dev.concierge.application.service;

import dev.concierge.application.port.in.LoadWidgetUseCase;
import dev.concierge.application.port.in.PublishedWidget;
import dev.concierge.domain.tenant.ClientKey;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantNotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * A short-lived, bounded, per-instance cache in front of another {@link LoadWidgetUseCase}: the widget's public
 * configuration is read by every visitor on every page, and changes rarely.
 *
 * <ul>
 *   <li>An answer is kept for the time to live; a change stored through this instance drops it at once
 *       ({@link #changed}), so an owner sees their own change immediately. Other instances serve the old answer for
 *       at most the time to live: that is the staleness window, and the database stays the one source of truth.</li>
 *   <li>Unknown and inactive client keys are cached too (negatively), so a flood of made-up keys reaches the store
 *       once per key and time to live, not once per request; the entry limit bounds the memory they take.</li>
 *   <li>Concurrent requests for a key that is not cached share one load. A failed load (the store is down) is not
 *       cached: the next request tries again.</li>
 * </ul>
 */
public final class CachedLoadWidgetService implements LoadWidgetUseCase, TenantChanges {

    private final LoadWidgetUseCase source;
    private final Clock clock;
    private final Duration timeToLive;
    private final int maxEntries;
    private final Map<ClientKey, Entry> entries = new ConcurrentHashMap<>();

    /**
     * @param source     where answers come from when they are not cached
     * @param clock      decides when an entry expires
     * @param timeToLive how long an answer is served without asking the source; the staleness window
     * @param maxEntries the most client keys cached at once, known and unknown alike
     */
    public CachedLoadWidgetService(LoadWidgetUseCase source, Clock clock, Duration timeToLive, int maxEntries) {
        this.source = Objects.requireNonNull(source, "source");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (timeToLive.isNegative() || timeToLive.isZero() || maxEntries < 1) {
            throw new IllegalArgumentException("a cache needs a positive time to live and room for one entry");
        }
        this.timeToLive = timeToLive;
        this.maxEntries = maxEntries;
    }

    @Override
    public Mono<PublishedWidget> load(ClientKey clientKey) {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            Entry entry = entries.compute(clientKey, (key, cached) -> cached != null && cached.isFreshAt(now)
                    ? cached : new Entry(fetch(key), now.plus(timeToLive)));
            if (entries.size() > maxEntries) {
                makeRoom(now, clientKey);
            }
            return entry.answer().flatMap(published -> published.map(Mono::just)
                    .orElseGet(() -> Mono.error(new TenantNotFoundException("with client key '" + clientKey + "'"))));
        });
    }

    /** Drops what is cached for the tenant, so this instance serves its new state from the next request on. */
    @Override
    public void changed(Tenant tenant) {
        entries.remove(tenant.clientKey());
    }

    /** How many client keys are cached right now, expired ones included until they are dropped. */
    public int size() {
        return entries.size();
    }

    private Mono<Optional<PublishedWidget>> fetch(ClientKey key) {
        return source.load(key)
                .map(Optional::of)
                .onErrorResume(TenantNotFoundException.class, unknown -> Mono.just(Optional.empty()))
                // Kept for the entry's life (the entry expires, not the value); an error is not kept, so the next
                // subscriber loads again. No timed cache operator: it would schedule a timer per entry.
                .cacheInvalidateIf(answer -> false);
    }

    /** Drops expired entries; if that is not enough, drops others (never {@code keep}) until the limit holds. */
    private void makeRoom(Instant now, ClientKey keep) {
        entries.entrySet().removeIf(entry -> !entry.getValue().isFreshAt(now) && !entry.getKey().equals(keep));
        Iterator<ClientKey> keys = entries.keySet().iterator();
        while (entries.size() > maxEntries && keys.hasNext()) {
            if (!keys.next().equals(keep)) {
                keys.remove();
            }
        }
    }

    private record Entry(Mono<Optional<PublishedWidget>> answer, Instant expiresAt) {

        boolean isFreshAt(Instant now) {
            return now.isBefore(expiresAt);
        }
    }
}
