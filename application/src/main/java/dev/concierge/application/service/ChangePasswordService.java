package dev.concierge.application.service;

import dev.concierge.application.port.in.Caller;
import dev.concierge.application.port.in.ChangePasswordCommand;
import dev.concierge.application.port.in.ChangePasswordUseCase;
import dev.concierge.application.port.in.ClientAddress;
import dev.concierge.application.port.in.SignedIn;
import dev.concierge.application.port.out.Notice;
import dev.concierge.application.port.out.PasswordHasher;
import dev.concierge.application.port.out.SecurityEvent;
import dev.concierge.application.port.out.SecurityEvents;
import dev.concierge.application.port.out.SessionTokens;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.application.port.out.Transactions;
import dev.concierge.domain.account.WrongPasswordException;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantNotFoundException;
import java.time.Clock;
import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * An owner changes their password. The current password is checked under the same brute-force locks as a sign-in
 * (a stolen session must not become a way to guess the password); the new one is hashed, stored, and every older
 * session revoked; the caller gets a fresh session, and the owner a mail saying so (had someone else done it, the
 * mail points to the password reset).
 */
public final class ChangePasswordService implements ChangePasswordUseCase {

    private final Tenants tenants;
    private final PasswordHasher hasher;
    private final SignInProtection protection;
    private final SessionIssuer sessions;
    private final SecurityEvents events;
    private final Transactions transactions;
    private final Mailer mailer;
    private final ConsoleLinks links;
    private final Clock clock;

    public ChangePasswordService(Tenants tenants, PasswordHasher hasher, SessionTokens tokens,
            SignInProtection protection, SecurityEvents events, Transactions transactions, Mailer mailer,
            ConsoleLinks links, Clock clock) {
        this.tenants = tenants;
        this.hasher = hasher;
        this.protection = protection;
        this.sessions = new SessionIssuer(tokens);
        this.events = events;
        this.transactions = transactions;
        this.mailer = mailer;
        this.links = links;
        this.clock = clock;
    }

    @Override
    public Mono<SignedIn> changePassword(Caller.OwnerCaller owner, ChangePasswordCommand command, ClientAddress from) {
        return tenants.findById(owner.tenantId())
                .switchIfEmpty(Mono.error(() -> new TenantNotFoundException("with id " + owner.tenantId())))
                .flatMap(tenant -> {
                    Instant now = clock.instant();
                    return protection.admitSignIn(tenant.owner().email(), from, now)
                            .then(hasher.matches(command.currentPassword(), tenant.owner().passwordHash()))
                            .flatMap(matches -> matches ? replace(tenant, command, from)
                                    : wrongPassword(tenant, from, now));
                });
    }

    private Mono<SignedIn> replace(Tenant tenant, ChangePasswordCommand command, ClientAddress from) {
        return hasher.hash(command.newPassword())
                .flatMap(hash -> transactions.inTransaction(TenantUpdates.changeOwner(tenants, tenant.id(),
                                owner -> owner.withPassword(hash, clock.instant()))
                        .flatMap(stored -> mailer.queue(stored.id(), new Notice.PasswordChanged(
                                        stored.owner().email(), stored.settings().language(), clock.instant(),
                                        stored.timeZone(), links.forgotPassword()))
                                .thenReturn(stored))))
                .flatMap(stored -> protection.succeeded(stored.owner().email()).thenReturn(stored))
                .map(stored -> {
                    Instant now = clock.instant();
                    events.record(new SecurityEvent(SecurityEvent.Type.PASSWORD_CHANGED, now, stored.id(),
                            from.value(), "older sessions revoked"));
                    return sessions.owner(stored, now);
                });
    }

    private Mono<SignedIn> wrongPassword(Tenant tenant, ClientAddress from, Instant now) {
        events.record(new SecurityEvent(SecurityEvent.Type.PASSWORD_CHANGE_FAILED, now, tenant.id(), from.value(),
                "wrong current password"));
        return protection.failed(tenant.owner().email(), tenant.id(), from, now)
                .then(Mono.error(new WrongPasswordException()));
    }
}
