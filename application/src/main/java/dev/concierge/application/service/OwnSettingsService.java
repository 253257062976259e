package dev.concierge.application.service;

import dev.concierge.application.port.in.Caller;
import dev.concierge.application.port.in.ClientAddress;
import dev.concierge.application.port.in.LoadOwnSettingsUseCase;
import dev.concierge.application.port.in.UpdateOwnSettingsUseCase;
import dev.concierge.application.port.out.SecurityEvent;
import dev.concierge.application.port.out.SecurityEvents;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantChangedConcurrentlyException;
import dev.concierge.domain.tenant.TenantNotFoundException;
import dev.concierge.domain.tenant.TenantSettings;
import java.time.Clock;
import reactor.core.publisher.Mono;

/**
 * An owner reads and edits their own tenant, and only theirs: the tenant comes from the caller's session, never
 * from anything the request names. Edits are optimistic: one based on an older version than the stored one is
 * refused, here and again by the store, so that no edit silently overwrites another. A stored change is passed to
 * {@link TenantChanges} so that this instance's widget cache shows it at once.
 */
public final class OwnSettingsService implements LoadOwnSettingsUseCase, UpdateOwnSettingsUseCase {

    private final Tenants tenants;
    private final TenantChanges changes;
    private final SecurityEvents events;
    private final Clock clock;

    public OwnSettingsService(Tenants tenants, TenantChanges changes, SecurityEvents events, Clock clock) {
        this.tenants = tenants;
        this.changes = changes;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Mono<Tenant> load(Caller.OwnerCaller owner) {
        return tenants.findById(owner.tenantId())
                .switchIfEmpty(Mono.error(() -> new TenantNotFoundException("with id " + owner.tenantId())));
    }

    @Override
    public Mono<Tenant> update(Caller.OwnerCaller owner, long basedOnVersion, TenantSettings settings,
            ClientAddress from) {
        return load(owner)
                .flatMap(current -> current.version() != basedOnVersion
                        ? Mono.error(new TenantChangedConcurrentlyException(basedOnVersion))
                        : tenants.update(current.withSettings(settings)))
                .doOnNext(stored -> {
                    changes.changed(stored);
                    events.record(new SecurityEvent(SecurityEvent.Type.SETTINGS_CHANGED, clock.instant(),
                            stored.id(), from.value(), "version " + stored.version()));
                });
    }
}
