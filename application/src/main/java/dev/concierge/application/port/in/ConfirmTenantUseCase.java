package dev.concierge.application.port.in;

import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantId;
import reactor.core.publisher.Mono;

/**
 * The platform admin confirms a tenant that signed up: its widget starts answering visitors.
 */
public interface ConfirmTenantUseCase {

    /**
     * @param from where the admin's request came from, or {@link ClientAddress#INTERNAL} for the platform's own work
     * @return the tenant, now active (unchanged if it already was); errors with
     *         {@link dev.concierge.domain.tenant.TenantNotFoundException} if no tenant has this id and with
     *         {@link dev.concierge.domain.tenant.TenantStatusConflictException} if it is suspended
     */
    Mono<Tenant> confirm(TenantId tenantId, ClientAddress from);
}
