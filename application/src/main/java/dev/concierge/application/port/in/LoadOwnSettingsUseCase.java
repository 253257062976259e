package dev.concierge.application.port.in;

import dev.concierge.domain.tenant.Tenant;
import reactor.core.publisher.Mono;

/**
 * A signed-in owner reads their own tenant: settings, status (with the reason of a suspension) and version.
 */
public interface LoadOwnSettingsUseCase {

    /**
     * @return the caller's tenant; errors with {@link dev.concierge.domain.tenant.TenantNotFoundException} if it no
     *         longer exists
     */
    Mono<Tenant> load(Caller.OwnerCaller owner);
}
