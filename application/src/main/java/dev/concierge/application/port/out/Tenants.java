package dev.concierge.application.port.out;

import dev.concierge.domain.tenant.ClientKey;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantId;
import reactor.core.publisher.Mono;

/**
 * Where tenants are kept. Client keys and owner e-mail addresses are unique across all tenants, on
 * {@link #add} and on {@link #update} alike; implementations enforce that atomically, so two instances signing up
 * the same key or e-mail at once cannot both succeed. Each write is all or nothing, also inside a surrounding
 * {@link Transactions transaction}, where it commits or rolls back with the rest. A read returns the tenant exactly
 * as it was last stored, its allowed origins in their order.
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
     * Replaces the stored state of an existing tenant, all or nothing; the last update wins (no version check).
     *
     * @return the stored tenant; errors with {@link dev.concierge.domain.tenant.TenantNotFoundException} if it was
     *         never added, and with {@link dev.concierge.domain.tenant.ClientKeyTakenException} or
     *         {@link dev.concierge.domain.tenant.OwnerEmailTakenException} and changes nothing when another tenant
     *         holds the new client key or e-mail
     */
    Mono<Tenant> update(Tenant tenant);

    /** @return the tenant, or empty if none has this id */
    Mono<Tenant> findById(TenantId id);

    /** @return the tenant, or empty if none has this client key */
    Mono<Tenant> findByClientKey(ClientKey clientKey);
}
