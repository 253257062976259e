package dev.concierge.application.port.in;

import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantId;
import reactor.core.publisher.Mono;

/**
 * The platform admin lifts a suspension.
 */
public interface ReactivateTenantUseCase {

    /**
     * @return the tenant, active again (unchanged if it already was); errors with
     *         {@link dev.concierge.domain.tenant.TenantNotFoundException} if no tenant has this id and with
     *         {@link dev.concierge.domain.tenant.TenantStatusConflictException} if it is still pending
     */
    Mono<Tenant> reactivate(TenantId tenantId, ClientAddress from);
}
