package dev.concierge.application.port.in;

import dev.concierge.domain.tenant.ClientKey;
import reactor.core.publisher.Mono;

/**
 * A visitor's browser loads a tenant's widget: its look, its language, and the origins allowed to embed it. The
 * hottest request Concierge serves: every visitor of every page of every shop that embeds a widget makes it.
 */
public interface LoadWidgetUseCase {

    /**
     * @return what the tenant behind the client key publishes, if it is active; errors with
     *         {@link dev.concierge.domain.tenant.TenantNotFoundException} for unknown and for non-active tenants alike,
     *         so that a visitor cannot tell them apart. May be a few seconds stale (see the implementation).
     */
    Mono<PublishedWidget> load(ClientKey clientKey);
}
