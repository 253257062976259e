package dev.concierge.application.port.out;

import dev.concierge.domain.tenant.ClientKey;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantId;
import reactor.core.publisher.Mono;

/**
 * Where tenants are kept. Client keys and owner e-mail addresses are unique across all tenants; implementations
 * enforce that atomically, so two instances signing up the same key at once cannot both succeed.
 */
public interface Tenants {

    /**
     * Stores a new tenant, all or nothing.
     *
     * @return the stored tenant; errors with {@link dev.concierge.domain.tenant.ClientKeyTakenException} or
     *         {@link dev.concierge.domain.tenant.OwnerEmailTakenException} and stores nothing when either is taken
     */
    Mono<Tenant> add(Tenant tenant);

    /**
     * Replaces the stored state of an existing tenant, all or nothing.
     *
     * @return the stored tenant; errors with {@link dev.concierge.domain.tenant.TenantNotFoundException} if it was
     *         never added
     */
    Mono<Tenant> update(Tenant tenant);

    /** @return the tenant, or empty if none has this id */
    Mono<Tenant> findById(TenantId id);

    /** @return the tenant, or empty if none has this client key */
    Mono<Tenant> findByClientKey(ClientKey clientKey);
}
