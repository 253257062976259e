package dev.concierge.application.service;

import dev.concierge.application.port.in.ConfirmTenantUseCase;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantId;
import dev.concierge.domain.tenant.TenantNotFoundException;
import reactor.core.publisher.Mono;

/**
 * Activates a tenant on the platform admin's word.
 */
public final class ConfirmTenantService implements ConfirmTenantUseCase {

    private final Tenants tenants;
    private final TenantChanges changes;

    public ConfirmTenantService(Tenants tenants, TenantChanges changes) {
        this.tenants = tenants;
        this.changes = changes;
    }

    @Override
    public Mono<Tenant> confirm(TenantId tenantId) {
        return tenants.findById(tenantId)
                .switchIfEmpty(Mono.error(() -> new TenantNotFoundException("with id " + tenantId)))
                .flatMap(tenant -> tenant.isActive() ? Mono.just(tenant)
                        : tenants.update(tenant.confirm()).doOnNext(changes::changed));
    }
}
