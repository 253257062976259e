package dev.concierge.application.service;

import dev.concierge.application.port.in.SignUpCommand;
import dev.concierge.application.port.in.SignUpTenantUseCase;
import dev.concierge.application.port.out.PasswordHasher;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.domain.tenant.Owner;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantId;
import java.time.Clock;
import reactor.core.publisher.Mono;

/**
 * Signs a business up: hashes the owner's password and stores the pending tenant. Uniqueness of the client key and
 * e-mail is left to {@link Tenants}, which enforces it atomically.
 */
public final class SignUpTenantService implements SignUpTenantUseCase {

    private final Tenants tenants;
    private final PasswordHasher passwordHasher;
    private final Clock clock;

    public SignUpTenantService(Tenants tenants, PasswordHasher passwordHasher, Clock clock) {
        this.tenants = tenants;
        this.passwordHasher = passwordHasher;
        this.clock = clock;
    }

    @Override
    public Mono<Tenant> signUp(SignUpCommand command) {
        return passwordHasher.hash(command.password())
                .map(hash -> Tenant.signUp(TenantId.random(), command.clientKey(),
                        new Owner(command.ownerEmail(), hash), command.displayName(), command.allowedOrigins(),
                        command.timeZone(), clock.instant()))
                .flatMap(tenants::add);
    }
}
