package dev.concierge.application.service;

import dev.concierge.application.port.out.Tenants;
import dev.concierge.domain.tenant.Owner;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantChangedConcurrentlyException;
import dev.concierge.domain.tenant.TenantId;
import dev.concierge.domain.tenant.TenantNotFoundException;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Changes a tenant that someone else may be changing at the same moment (its owner editing settings while the admin
 * suspends it, say): reads it, applies the change, and stores it; when another change came first, reads it again
 * and applies the change to the new state, a few times at most.
 */
final class TenantUpdates {

    private static final int ATTEMPTS = 5;

    private TenantUpdates() {
    }

    /** The tenant before and after a change; the same when the change changed nothing. */
    record Changed(Tenant before, Tenant after) {
    }

    /** Applies {@code change} to the current state of the tenant and stores it, unless it changes nothing. */
    static Mono<Tenant> change(Tenants tenants, TenantId id, Function<Tenant, Tenant> change) {
        return apply(tenants, id, change).map(Changed::after);
    }

    /** As {@link #change}, telling also what the tenant was like just before. */
    static Mono<Changed> apply(Tenants tenants, TenantId id, Function<Tenant, Tenant> change) {
        return Mono.defer(() -> tenants.findById(id)
                        .switchIfEmpty(Mono.error(() -> new TenantNotFoundException("with id " + id)))
                        .flatMap(current -> {
                            Tenant changed = change.apply(current);
                            return changed.equals(current) ? Mono.just(new Changed(current, current))
                                    : tenants.update(changed).map(stored -> new Changed(current, stored));
                        }))
                .retryWhen(Retry.max(ATTEMPTS - 1).filter(TenantChangedConcurrentlyException.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
    }

    /** Applies {@code change} to the tenant's owner account. */
    static Mono<Tenant> changeOwner(Tenants tenants, TenantId id, Function<Owner, Owner> change) {
        return change(tenants, id, tenant -> tenant.withOwner(change.apply(tenant.owner())));
    }
}
