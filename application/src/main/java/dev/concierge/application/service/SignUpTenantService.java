package dev.concierge.application.service;

import dev.concierge.application.port.in.ClientAddress;
import dev.concierge.application.port.in.SignUpCommand;
import dev.concierge.application.port.in.SignUpTenantUseCase;
import dev.concierge.application.port.out.PasswordHasher;
import dev.concierge.application.port.out.SecurityEvent;
import dev.concierge.application.port.out.SecurityEvents;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.domain.tenant.OwnerEmailTakenException;
import dev.concierge.domain.tenant.Owner;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantId;
import java.time.Clock;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Signs a business up: checks the client address's sign-up rate, hashes the owner's password and stores the pending
 * tenant. Uniqueness of the client key and e-mail is left to {@link Tenants}, which enforces it atomically; the
 * platform admin's e-mail counts as taken, so that no owner account can hide behind it.
 */
public final class SignUpTenantService implements SignUpTenantUseCase {

    private final Tenants tenants;
    private final PasswordHasher passwordHasher;
    private final SignInProtection protection;
    private final SecurityEvents events;
    private final Optional<PlatformAdmin> admin;
    private final Clock clock;

    public SignUpTenantService(Tenants tenants, PasswordHasher passwordHasher, SignInProtection protection,
            SecurityEvents events, Optional<PlatformAdmin> admin, Clock clock) {
        this.tenants = tenants;
        this.passwordHasher = passwordHasher;
        this.protection = protection;
        this.events = events;
        this.admin = admin;
        this.clock = clock;
    }

    @Override
    public Mono<Tenant> signUp(SignUpCommand command, ClientAddress from) {
        return Mono.defer(() -> {
            if (admin.filter(a -> a.email().equals(command.ownerEmail())).isPresent()) {
                return Mono.error(new OwnerEmailTakenException());
            }
            return protection.admitSignUp(from, clock.instant())
                    .then(passwordHasher.hash(command.password()))
                    .map(hash -> Tenant.signUp(TenantId.random(), command.clientKey(),
                            new Owner(command.ownerEmail(), hash), command.displayName(), command.allowedOrigins(),
                            command.timeZone(), clock.instant()))
                    .flatMap(tenants::add)
                    .doOnNext(tenant -> events.record(new SecurityEvent(SecurityEvent.Type.SIGN_UP, clock.instant(),
                            tenant.id(), from.value(), null)));
        });
    }
}
