package dev.concierge.application.port.in;

import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantId;
import reactor.core.publisher.Mono;

/**
 * The platform admin confirms a tenant that signed up, or lifts its suspension.
 */
public interface ConfirmTenantUseCase {

    /**
     * @return the tenant, now active; errors with {@link dev.concierge.domain.tenant.TenantNotFoundException} if no
     *         tenant has this id
     */
    Mono<Tenant> confirm(TenantId tenantId);
}
