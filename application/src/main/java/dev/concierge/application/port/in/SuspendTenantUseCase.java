package dev.concierge.application.port.in;

import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantId;
import reactor.core.publisher.Mono;

/**
 * The platform admin switches a tenant off and says why: its widget answers as if it did not exist, its owner can
 * still sign in and read the reason.
 */
public interface SuspendTenantUseCase {

    /**
     * @return the tenant, now suspended; errors with {@link dev.concierge.domain.tenant.TenantNotFoundException} if no
     *         tenant has this id and with {@link dev.concierge.domain.shared.ValidationException} naming
     *         {@code reason} when the reason is missing or invalid
     */
    Mono<Tenant> suspend(TenantId tenantId, String reason, ClientAddress from);
}
