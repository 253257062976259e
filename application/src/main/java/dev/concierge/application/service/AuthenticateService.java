package dev.concierge.application.service;

import dev.concierge.application.port.in.AuthenticateUseCase;
import dev.concierge.application.port.in.Caller;
import dev.concierge.application.port.out.SessionClaims;
import dev.concierge.application.port.out.SessionTokens;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.domain.account.SessionRejectedException;
import dev.concierge.domain.tenant.TenantId;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Checks a session on every request: the token itself ({@link SessionTokens}), then, for an owner, that the tenant
 * still exists and that the session was issued after the owner's last password change or sign-out everywhere (one
 * read of the tenant, so a revocation holds on every instance at once). An admin session holds only for the admin
 * configured now.
 */
public final class AuthenticateService implements AuthenticateUseCase {

    private final SessionTokens tokens;
    private final Tenants tenants;
    private final Optional<PlatformAdmin> admin;
    private final Clock clock;

    public AuthenticateService(SessionTokens tokens, Tenants tenants, Optional<PlatformAdmin> admin, Clock clock) {
        this.tokens = tokens;
        this.tenants = tenants;
        this.admin = admin;
        this.clock = clock;
    }

    @Override
    public Mono<Caller> authenticate(String token) {
        return Mono.defer(() -> {
            if (token == null || token.isEmpty()) {
                return Mono.error(new SessionRejectedException());
            }
            SessionClaims claims = tokens.verify(token, clock.instant());
            return switch (claims.role()) {
                case OWNER -> owner(claims);
                case ADMIN -> admin.filter(a -> a.email().value().equals(claims.subject()))
                        .<Mono<Caller>>map(a -> Mono.just(new Caller.AdminCaller(a.email())))
                        .orElseGet(() -> Mono.error(new SessionRejectedException()));
            };
        });
    }

    private Mono<Caller> owner(SessionClaims claims) {
        TenantId id;
        try {
            id = new TenantId(UUID.fromString(claims.subject()));
        } catch (IllegalArgumentException notAnId) {
            return Mono.error(new SessionRejectedException());
        }
        return tenants.findById(id)
                .filter(tenant -> tenant.owner().acceptsSessionIssuedAt(claims.issuedAt()))
                .<Caller>map(tenant -> new Caller.OwnerCaller(tenant.id()))
                .switchIfEmpty(Mono.error(SessionRejectedException::new));
    }
}
