package dev.concierge.application.port.in;

import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantSettings;
import reactor.core.publisher.Mono;

/**
 * A signed-in owner replaces their tenant's settings, based on the version they read.
 */
public interface UpdateOwnSettingsUseCase {

    /**
     * @param basedOnVersion the {@linkplain Tenant#version() version} the owner's edit started from
     * @return the tenant as stored, at the next version; errors with
     *         {@link dev.concierge.domain.tenant.TenantChangedConcurrentlyException} and changes nothing when the
     *         tenant is no longer at {@code basedOnVersion}, and with
     *         {@link dev.concierge.domain.tenant.TenantNotFoundException} if it no longer exists
     */
    Mono<Tenant> update(Caller.OwnerCaller owner, long basedOnVersion, TenantSettings settings, ClientAddress from);
}
