package dev.concierge.application.service;

import dev.concierge.application.port.in.LogInCommand;
import dev.concierge.application.port.in.LogInUseCase;
import dev.concierge.application.port.in.SignedIn;
import dev.concierge.application.port.out.PasswordHasher;
import dev.concierge.application.port.out.SecurityEvent;
import dev.concierge.application.port.out.SecurityEvents;
import dev.concierge.application.port.out.SessionTokens;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.domain.account.SignInFailedException;
import dev.concierge.domain.tenant.PasswordHash;
import dev.concierge.domain.tenant.PlainPassword;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;

/**
 * Signs owners and the platform admin in. Every attempt that gets past {@link SignInProtection} costs exactly one
 * password check: against the account's hash, or, for an e-mail without an account, against a hash of a random
 * password made once with the same hasher. An unknown e-mail and a wrong password therefore take about the same
 * time and end in the same {@link SignInFailedException}.
 *
 * <p>Owners of pending and suspended tenants sign in too: they see their tenant's status (and why it is suspended),
 * while the widget stays dark.
 */
public final class LogInService implements LogInUseCase {

    private final Tenants tenants;
    private final PasswordHasher hasher;
    private final SignInProtection protection;
    private final SessionIssuer sessions;
    private final SecurityEvents events;
    private final Optional<PlatformAdmin> admin;
    private final Clock clock;
    private final AtomicReference<PasswordHash> standIn = new AtomicReference<>();

    /**
     * @param admin the platform admin, or empty when none is configured
     */
    public LogInService(Tenants tenants, PasswordHasher hasher, SessionTokens tokens, SignInProtection protection,
            SecurityEvents events, Optional<PlatformAdmin> admin, Clock clock) {
        this.tenants = tenants;
        this.hasher = hasher;
        this.protection = protection;
        this.sessions = new SessionIssuer(tokens);
        this.events = events;
        this.admin = admin;
        this.clock = clock;

    }

    @Override
    public Mono<SignedIn> logIn(LogInCommand command) {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            return protection.admitSignIn(command.email(), command.from(), now)
                    .then(standInHash())
                    .flatMap(standInHash -> check(command, standInHash, now));
        });
    }

    /**
     * The hash an unknown e-mail's password is checked against: made once, with the same hasher (so the same cost),
     * from a random password nobody knows. Kept only once made: a first attempt refused because hashing was busy
     * leaves it to the next.
     */
    private Mono<PasswordHash> standInHash() {
        PasswordHash made = standIn.get();
        if (made != null) {
            return Mono.just(made);
        }
        return hasher.hash(PlainPassword.of("Unused-" + UUID.randomUUID() + "-A1"))
                .map(hash -> standIn.compareAndSet(null, hash) ? hash : standIn.get());
    }

    private Mono<SignedIn> check(LogInCommand command, PasswordHash standIn, Instant now) {
        Optional<PlatformAdmin> asAdmin = admin.filter(a -> a.email().equals(command.email()));
        if (asAdmin.isPresent()) {
            return verify(command, asAdmin.get().passwordHash(), null, now)
                    .map(ok -> sessions.admin(asAdmin.get(), now));
        }
        return tenants.findByOwnerEmail(command.email())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(found -> {
                    PasswordHash hash = found.map(tenant -> tenant.owner().passwordHash()).orElse(standIn);
                    TenantId tenantId = found.map(Tenant::id).orElse(null);
                    return verify(command, hash, tenantId, now)
                            .map(ok -> sessions.owner(found.orElseThrow(SignInFailedException::new), now));
                });
    }

    /** Checks the password once; emits when it matches, otherwise counts the failure and signals it. */
    private Mono<Boolean> verify(LogInCommand command, PasswordHash hash, TenantId tenant, Instant now) {
        return hasher.matches(command.password(), hash)
                .flatMap(matches -> {
                    if (matches) {
                        events.record(new SecurityEvent(SecurityEvent.Type.LOGIN_SUCCEEDED, now, tenant,
                                command.from().value(), tenant == null ? "admin" : null));
                        return protection.succeeded(command.email()).thenReturn(true);
                    }
                    events.record(new SecurityEvent(SecurityEvent.Type.LOGIN_FAILED, now, tenant,
                            command.from().value(), null));
                    return protection.failed(command.email(), tenant, command.from(), now)
                            .then(Mono.error(new SignInFailedException()));
                });
    }
}
