package dev.concierge.application.testing;

import dev.concierge.application.port.out.Tenants;
import dev.concierge.domain.tenant.ClientKey;
import dev.concierge.domain.tenant.ClientKeyTakenException;
import dev.concierge.domain.tenant.OwnerEmailTakenException;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantId;
import dev.concierge.domain.tenant.TenantNotFoundException;
import java.util.LinkedHashMap;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Keeps tenants in memory, with the same uniqueness guarantees as a database. For tests and for embedding the core
 * without any storage.
 */
public final class InMemoryTenants implements Tenants {

    private final Map<TenantId, Tenant> byId = new LinkedHashMap<>();

    @Override
    public Mono<Tenant> add(Tenant tenant) {
        return Mono.fromCallable(() -> {
            synchronized (byId) {
                for (Tenant existing : byId.values()) {
                    if (existing.clientKey().equals(tenant.clientKey())) {
                        throw new ClientKeyTakenException(tenant.clientKey());
                    }
                    if (existing.owner().email().equals(tenant.owner().email())) {
                        throw new OwnerEmailTakenException();
                    }
                }
                if (byId.containsKey(tenant.id())) {
                    throw new IllegalStateException("tenant " + tenant.id() + " was already added");
                }
                byId.put(tenant.id(), tenant);
                return tenant;
            }
        });
    }

    @Override
    public Mono<Tenant> update(Tenant tenant) {
        return Mono.fromCallable(() -> {
            synchronized (byId) {
                if (!byId.containsKey(tenant.id())) {
                    throw new TenantNotFoundException("with id " + tenant.id());
                }
                byId.put(tenant.id(), tenant);
                return tenant;
            }
        });
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
}
