package dev.concierge.application.port.in;

import reactor.core.publisher.Mono;

/**
 * A signed-in owner signs out everywhere: every session issued until now stops working, the caller's own included.
 */
public interface RevokeSessionsUseCase {

    /** @return empty once stored; errors with {@link dev.concierge.domain.tenant.TenantNotFoundException} */
    Mono<Void> revokeSessions(Caller.OwnerCaller owner, ClientAddress from);
}
