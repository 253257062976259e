package dev.concierge.application.port.in;

import dev.concierge.domain.tenant.ClientKey;
import dev.concierge.domain.tenant.Tenant;
import reactor.core.publisher.Mono;

/**
 * A visitor's browser loads a tenant's widget: its look, its language, and the origins allowed to embed it.
 */
public interface LoadWidgetUseCase {

    /**
     * @return the tenant behind the client key if it is active; errors with
     *         {@link dev.concierge.domain.tenant.TenantNotFoundException} for unknown and for non-active tenants alike,
     *         so that a visitor cannot tell them apart
     */
    Mono<Tenant> load(ClientKey clientKey);
}
