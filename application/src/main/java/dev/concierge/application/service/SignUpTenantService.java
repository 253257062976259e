package dev.concierge.application.service;

import dev.concierge.application.port.in.ClientAddress;
import dev.concierge.application.port.in.SignUpCommand;
import dev.concierge.application.port.in.SignUpTenantUseCase;
import dev.concierge.application.port.out.Notice;
import dev.concierge.application.port.out.PasswordHasher;
import dev.concierge.application.port.out.RollingLimits;
import dev.concierge.application.port.out.SecurityEvent;
import dev.concierge.application.port.out.SecurityEvents;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.application.port.out.Transactions;
import dev.concierge.domain.account.RollingLimit;
import dev.concierge.domain.tenant.ClientKeyTakenException;
import dev.concierge.domain.tenant.Owner;
import dev.concierge.domain.tenant.OwnerEmailTakenException;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantId;
import java.time.Clock;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Signs a business up: checks the client address's sign-up rate, hashes the owner's password, stores the pending
 * tenant and mails the owner a link that verifies their address, in one transaction.
 *
 * <p>A sign-up must not tell who has an account. When the e-mail address belongs to an existing owner (or to the
 * platform admin), nothing is stored; the answer is the tenant that would have been created, after the same password
 * hashing, and the existing owner is told by mail that someone tried (at most three such mails an hour). A taken
 * client key is still refused, since client keys are public anyway. Uniqueness is left to {@link Tenants}, which
 * enforces it atomically.
 */
public final class SignUpTenantService implements SignUpTenantUseCase {

    private final Tenants tenants;
    private final PasswordHasher passwordHasher;
    private final SignInProtection protection;
    private final AddressVerificationService verification;
    private final RollingLimits limits;
    private final Mailer mailer;
    private final ConsoleLinks links;
    private final Transactions transactions;
    private final SecurityEvents events;
    private final Optional<PlatformAdmin> admin;
    private final Clock clock;

    public SignUpTenantService(Tenants tenants, PasswordHasher passwordHasher, SignInProtection protection,
            AddressVerificationService verification, RollingLimits limits, Mailer mailer, ConsoleLinks links,
            Transactions transactions, SecurityEvents events, Optional<PlatformAdmin> admin, Clock clock) {
        this.tenants = tenants;
        this.passwordHasher = passwordHasher;
        this.protection = protection;
        this.verification = verification;
        this.limits = limits;
        this.mailer = mailer;
        this.links = links;
        this.transactions = transactions;
        this.events = events;
        this.admin = admin;
        this.clock = clock;
    }

    @Override
    public Mono<Tenant> signUp(SignUpCommand command, ClientAddress from) {
        return protection.admitSignUp(from, clock.instant())
                .then(passwordHasher.hash(command.password()))
                .map(hash -> Tenant.signUp(TenantId.random(), command.clientKey(),
                        new Owner(command.ownerEmail(), hash), command.displayName(), command.allowedOrigins(),
                        command.timeZone(), clock.instant()))
                .flatMap(tenant -> {
                    if (admin.filter(a -> a.email().equals(command.ownerEmail())).isPresent()) {
                        return Mono.just(tenant);
                    }
                    return transactions.inTransaction(tenants.add(tenant)
                                    .flatMap(stored -> verification.mailLink(stored).thenReturn(stored)))
                            .doOnNext(stored -> record(SecurityEvent.Type.SIGN_UP, stored, from))
                            .onErrorResume(OwnerEmailTakenException.class, taken -> addressTaken(tenant, from));
                });
    }

    /** Answers as if {@code wouldBe} had been stored, and tells the owner of the address. */
    private Mono<Tenant> addressTaken(Tenant wouldBe, ClientAddress from) {
        return tenants.findByClientKey(wouldBe.clientKey())
                .flatMap(holder -> Mono.<Tenant>error(new ClientKeyTakenException(wouldBe.clientKey())))
                .then(tenants.findByOwnerEmail(wouldBe.owner().email()))
                .flatMap(existing -> transactions.inTransaction(
                                limits.tryAcquire("taken-address-mail:" + existing.id(),
                                                RollingLimit.PASSWORD_RESET_MAILS, clock.instant())
                                        .filter(Boolean::booleanValue)
                                        .flatMap(allowed -> mailer.queue(existing.id(),
                                                new Notice.SignUpWithTakenAddress(existing.owner().email(),
                                                        existing.settings().language(), links.forgotPassword()))))
                        .then(Mono.fromRunnable(() -> record(SecurityEvent.Type.SIGN_UP_WITH_TAKEN_ADDRESS,
                                existing, from))))
                .thenReturn(wouldBe);
    }

    private void record(SecurityEvent.Type type, Tenant tenant, ClientAddress from) {
        events.record(new SecurityEvent(type, clock.instant(), tenant.id(), from.value(), null));
    }
}
