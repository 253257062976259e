package dev.concierge.application.testing;

import dev.concierge.application.port.out.Tenants;
import dev.concierge.domain.tenant.ClientKey;
import dev.concierge.domain.tenant.ClientKeyTakenException;
import dev.concierge.domain.tenant.OwnerEmailTakenException;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantChangedConcurrentlyException;
import dev.concierge.domain.tenant.TenantId;
import dev.concierge.domain.tenant.TenantNotFoundException;
import dev.concierge.domain.tenant.EmailAddress;
import dev.concierge.domain.tenant.TenantStatus;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps tenants in memory, with the same uniqueness guarantees as a database. Takes part in the transactions of
 * {@link InMemoryTransactions}. For tests and for embedding the core without any storage.
 */
public final class InMemoryTenants implements Tenants {

    private static final Comparator<Tenant> NEWEST_FIRST = Comparator.comparing(Tenant::createdAt).reversed()
            .thenComparing(tenant -> tenant.id().value());

    private final Map<TenantId, Tenant> byId = new LinkedHashMap<>();

    @Override
    public Mono<Tenant> add(Tenant tenant) {
        return Mono.deferContextual(context -> Mono.fromCallable(() -> {
            synchronized (byId) {
                if (byId.containsKey(tenant.id())) {
                    throw new IllegalStateException("tenant " + tenant.id() + " was already added");
                }
                requireUniqueKeyAndEmail(tenant);
                byId.put(tenant.id(), tenant);
            }
            InMemoryTransactions.recordUndo(context, () -> restore(tenant.id(), null));
            return tenant;
        }));
    }

    @Override
    public Mono<Tenant> update(Tenant tenant) {
        return Mono.deferContextual(context -> Mono.fromCallable(() -> {
            Tenant previous;
            Tenant stored = tenant.storedAs(tenant.version() + 1);
            synchronized (byId) {
                previous = byId.get(tenant.id());
                if (previous == null) {
                    throw new TenantNotFoundException("with id " + tenant.id());
                }
                if (previous.version() != tenant.version()) {
                    throw new TenantChangedConcurrentlyException(tenant.version());
                }
                requireUniqueKeyAndEmail(tenant);
                byId.put(tenant.id(), stored);
            }
            InMemoryTransactions.recordUndo(context, () -> restore(tenant.id(), previous));
            return stored;
        }));
    }

    @Override
    public Mono<Tenant> findById(TenantId id) {
        return Mono.fromSupplier(() -> {
            synchronized (byId) {
                return byId.get(id);
            }
        });
    }

    @Override
    public Mono<Tenant> findByClientKey(ClientKey clientKey) {
        return Mono.fromSupplier(() -> {
            synchronized (byId) {
                return byId.values().stream().filter(t -> t.clientKey().equals(clientKey)).findFirst().orElse(null);
            }
        });
    }

    @Override
    public Mono<Tenant> findByOwnerEmail(EmailAddress email) {
        return Mono.fromSupplier(() -> {
            synchronized (byId) {
                return byId.values().stream().filter(t -> t.owner().email().equals(email)).findFirst().orElse(null);
            }
        });
    }

    @Override
    public Flux<Tenant> list(TenantStatus status, long offset, int limit) {
        if (offset < 0 || limit < 1 || limit > 1_000) {
            return Flux.error(new IllegalArgumentException("offset must be at least 0 and limit 1 to 1000"));
        }
        return Flux.defer(() -> {
            List<Tenant> page;
            synchronized (byId) {
                page = byId.values().stream()
                        .filter(t -> status == null || t.status() == status)
                        .sorted(NEWEST_FIRST)
                        .skip(offset)
                        .limit(limit)
                        .toList();
            }
            return Flux.fromIterable(page);
        });
    }

    @Override
    public Mono<Long> count(TenantStatus status) {
        return Mono.fromSupplier(() -> {
            synchronized (byId) {
                return byId.values().stream().filter(t -> status == null || t.status() == status).count();
            }
        });
    }

    /** Rejects a tenant whose client key or owner e-mail another tenant (one with another id) holds. */
    private void requireUniqueKeyAndEmail(Tenant tenant) {
        for (Tenant other : byId.values()) {
            if (other.id().equals(tenant.id())) {
                continue;
            }
            if (other.clientKey().equals(tenant.clientKey())) {
                throw new ClientKeyTakenException(tenant.clientKey());
            }
            if (other.owner().email().equals(tenant.owner().email())) {
                throw new OwnerEmailTakenException();
            }
        }
    }

    private void restore(TenantId id, Tenant previous) {
        synchronized (byId) {
            if (previous == null) {
                byId.remove(id);
            } else {
                byId.put(id, previous);
            }
        }
    }
}
