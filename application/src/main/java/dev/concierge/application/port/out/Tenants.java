package dev.concierge.application.port.out;

import dev.concierge.domain.tenant.ClientKey;
import dev.concierge.domain.tenant.EmailAddress;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantId;
import dev.concierge.domain.tenant.TenantStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where tenants are kept. Client keys and owner e-mail addresses are unique across all tenants, on
 * {@link #add} and on {@link #update} alike; implementations enforce that atomically, so two instances signing up
 * the same key or e-mail at once cannot both succeed. Each write is all or nothing, also inside a surrounding
 * {@link Transactions transaction}, where it commits or rolls back with the rest. A read returns the tenant exactly
 * as it was last stored, its allowed origins in their order, at the {@linkplain Tenant#version() version} the store
 * is at.
 *
 * <p>Updates are optimistic: an update names the version it was based on, and of several updates based on one
 * version exactly one succeeds, on every instance, so that concurrent edits never silently overwrite each other.
 */
public interface Tenants {

    /**
     * Stores a new tenant, all or nothing, at version 0.
     *
     * @return the stored tenant; errors with {@link dev.concierge.domain.tenant.ClientKeyTakenException} or
     *         {@link dev.concierge.domain.tenant.OwnerEmailTakenException} and stores nothing when either is taken
     */
    Mono<Tenant> add(Tenant tenant);

    /**
     * Replaces the stored state of an existing tenant, all or nothing, provided the store is still at
     * {@code tenant.version()}.
     *
     * @return the stored tenant, at the next version; errors with
     *         {@link dev.concierge.domain.tenant.TenantNotFoundException} if it was never added, with
     *         {@link dev.concierge.domain.tenant.TenantChangedConcurrentlyException} and changes nothing when the stored
     *         tenant is at another version (someone else updated it first), and with
     *         {@link dev.concierge.domain.tenant.ClientKeyTakenException} or
     *         {@link dev.concierge.domain.tenant.OwnerEmailTakenException} and changes nothing when another tenant
     *         holds the new client key or e-mail
     */
    Mono<Tenant> update(Tenant tenant);

    /** @return the tenant, or empty if none has this id */
    Mono<Tenant> findById(TenantId id);

    /** @return the tenant, or empty if none has this client key */
    Mono<Tenant> findByClientKey(ClientKey clientKey);

    /** @return the tenant whose owner signs in with this e-mail address, or empty if there is none */
    Mono<Tenant> findByOwnerEmail(EmailAddress email);

    /**
     * One page of tenants, newest sign-up first (ties broken by id, so pages never overlap or skip).
     *
     * @param status only tenants in this status, or {@code null} for all
     * @param offset how many to skip, at least 0
     * @param limit  how many at most, 1 to 1,000
     * @return the page; errors with {@link IllegalArgumentException}, before reading anything, for an offset or limit
     *         out of range
     */
    Flux<Tenant> list(TenantStatus status, long offset, int limit);

    /** @return how many tenants are in {@code status}, or in all, when it is {@code null}; never empty */
    Mono<Long> count(TenantStatus status);
}
