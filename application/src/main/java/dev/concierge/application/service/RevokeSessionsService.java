package dev.concierge.application.service;

import dev.concierge.application.port.in.Caller;
import dev.concierge.application.port.in.ClientAddress;
import dev.concierge.application.port.in.RevokeSessionsUseCase;
import dev.concierge.application.port.out.SecurityEvent;
import dev.concierge.application.port.out.SecurityEvents;
import dev.concierge.application.port.out.Tenants;
import java.time.Clock;
import reactor.core.publisher.Mono;

/**
 * An owner signs out everywhere: the owner's sessions are valid only from the next whole second on.
 */
public final class RevokeSessionsService implements RevokeSessionsUseCase {

    private final Tenants tenants;
    private final SecurityEvents events;
    private final Clock clock;

    public RevokeSessionsService(Tenants tenants, SecurityEvents events, Clock clock) {
        this.tenants = tenants;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Mono<Void> revokeSessions(Caller.OwnerCaller owner, ClientAddress from) {
        return TenantUpdates.changeOwner(tenants, owner.tenantId(), account -> account.revokeSessions(clock.instant()))
                .doOnNext(stored -> events.record(new SecurityEvent(SecurityEvent.Type.SESSIONS_REVOKED,
                        clock.instant(), stored.id(), from.value(), null)))
                .then();
    }
}
