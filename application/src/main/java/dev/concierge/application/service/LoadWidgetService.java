package dev.concierge.application.service;

import dev.concierge.application.port.in.LoadWidgetUseCase;
import dev.concierge.application.port.in.PublishedWidget;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.domain.tenant.ClientKey;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantNotFoundException;
import reactor.core.publisher.Mono;

/**
 * Publishes a widget only for active tenants; pending and suspended tenants look exactly like unknown ones. Reads
 * the store on every call; {@link CachedLoadWidgetService} puts a short-lived cache in front of it.
 */
public final class LoadWidgetService implements LoadWidgetUseCase {

    private final Tenants tenants;

    public LoadWidgetService(Tenants tenants) {
        this.tenants = tenants;
    }

    @Override
    public Mono<PublishedWidget> load(ClientKey clientKey) {
        return tenants.findByClientKey(clientKey)
                .filter(Tenant::isActive)
                .map(PublishedWidget::of)
                .switchIfEmpty(Mono.error(() -> new TenantNotFoundException("with client key '" + clientKey + "'")));
    }
}
