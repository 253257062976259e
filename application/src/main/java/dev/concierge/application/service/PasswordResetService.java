package dev.concierge.application.service;

import dev.concierge.application.port.in.ClientAddress;
import dev.concierge.application.port.in.PasswordResetUseCase;
import dev.concierge.application.port.in.ResetPasswordCommand;
import dev.concierge.application.port.out.Notice;
import dev.concierge.application.port.out.OneTimeTokens;
import dev.concierge.application.port.out.PasswordHasher;
import dev.concierge.application.port.out.RollingLimits;
import dev.concierge.application.port.out.SecurityEvent;
import dev.concierge.application.port.out.SecurityEvents;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.application.port.out.Transactions;
import dev.concierge.domain.account.RollingLimit;
import dev.concierge.domain.tenant.EmailAddress;
import dev.concierge.domain.tenant.PasswordHash;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.token.OneTimeToken;
import dev.concierge.domain.token.SecretToken;
import dev.concierge.domain.token.TokenNotValidException;
import dev.concierge.domain.token.TokenPurpose;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * "Forgot password". A request mails a one-time link (only the token's hash is stored, see ADR 0012) at most three
 * times an hour per owner, and answers alike, after at least {@code answerFloor}, whether or not the address has an
 * account. Completing the reset uses the token up inside the transaction that stores the new password, removes the
 * owner's other reset tokens, and queues a "your password was changed" mail; sessions issued before stop working and
 * the sign-in lock is lifted. Completing it also proves the owner reads that mailbox, so the address counts as
 * verified.
 */
public final class PasswordResetService implements PasswordResetUseCase {

    /** Long enough to cover looking up the account and queuing the mail on a busy database. */
    public static final Duration DEFAULT_ANSWER_FLOOR = Duration.ofMillis(250);

    private static final TokenPurpose PURPOSE = TokenPurpose.PASSWORD_RESET;

    private final Tenants tenants;
    private final OneTimeTokens tokens;
    private final RollingLimits limits;
    private final PasswordHasher hasher;
    private final SignInProtection protection;
    private final Mailer mailer;
    private final ConsoleLinks links;
    private final Transactions transactions;
    private final SecurityEvents events;
    private final Clock clock;
    private final Duration answerFloor;

    public PasswordResetService(Tenants tenants, OneTimeTokens tokens, RollingLimits limits, PasswordHasher hasher,
            SignInProtection protection, Mailer mailer, ConsoleLinks links, Transactions transactions,
            SecurityEvents events, Clock clock, Duration answerFloor) {
        this.tenants = tenants;
        this.tokens = tokens;
        this.limits = limits;
        this.hasher = hasher;
        this.protection = protection;
        this.mailer = mailer;
        this.links = links;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.answerFloor = Objects.requireNonNull(answerFloor, "answerFloor");
    }

    @Override
    public Mono<Void> requestReset(EmailAddress email, ClientAddress from) {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            return protection.admitResetRequest(from, now)
                    .then(EvenTiming.atLeast(answerFloor, tenants.findByOwnerEmail(email)
                            .flatMap(tenant -> transactions.inTransaction(
                                    limits.tryAcquire("reset-mail:" + tenant.id(), RollingLimit.PASSWORD_RESET_MAILS,
                                                    now)
                                            .flatMap(allowed -> allowed ? mailLink(tenant, now).thenReturn(tenant)
                                                    : Mono.empty()))
                                    .doOnNext(mailed -> record(SecurityEvent.Type.PASSWORD_RESET_REQUESTED, mailed,
                                            from, null))
                                    .switchIfEmpty(Mono.fromRunnable(() -> record(
                                            SecurityEvent.Type.PASSWORD_RESET_LIMITED, tenant, from,
                                            "no mail: three in the last hour"))))
                            .then()));
        });
    }

    @Override
    public Mono<Boolean> isValid(String token) {
        return Mono.defer(() -> SecretToken.parse(token)
                .map(secret -> tokens.find(PURPOSE, secret.hash(), clock.instant()).hasElement())
                .orElseGet(() -> Mono.just(false)));
    }

    @Override
    public Mono<Void> reset(ResetPasswordCommand command, ClientAddress from) {
        return Mono.defer(() -> {
            SecretToken secret = SecretToken.parse(command.token()).orElseThrow(TokenNotValidException::new);
            // Checked before hashing, so that made-up tokens cost no bcrypt work; used up only in the transaction.
            return tokens.find(PURPOSE, secret.hash(), clock.instant())
                    .switchIfEmpty(Mono.error(TokenNotValidException::new))
                    .then(hasher.hash(command.newPassword()))
                    .flatMap(hash -> transactions.inTransaction(replacePassword(secret, hash)))
                    .flatMap(tenant -> protection.clear(tenant.owner().email()).thenReturn(tenant))
                    .doOnNext(tenant -> record(SecurityEvent.Type.PASSWORD_RESET, tenant, from,
                            "older sessions revoked"))
                    .then();
        });
    }

    private Mono<Void> mailLink(Tenant tenant, Instant now) {
        SecretToken secret = SecretToken.generate();
        return tokens.add(OneTimeToken.issue(secret, PURPOSE, tenant.id(), OneTimeToken.OWNER, now))
                .then(mailer.queue(tenant.id(), new Notice.PasswordReset(tenant.owner().email(),
                        tenant.settings().language(), links.resetPassword(secret), PURPOSE.lifetime())));
    }

    private Mono<Tenant> replacePassword(SecretToken secret, PasswordHash hash) {
        return tokens.consume(PURPOSE, secret.hash(), clock.instant())
                .switchIfEmpty(Mono.error(TokenNotValidException::new))
                .flatMap(token -> TenantUpdates.changeOwner(tenants, token.tenantId(),
                        owner -> owner.withPassword(hash, clock.instant()).verifyEmail()))
                .flatMap(tenant -> tokens.deleteAll(PURPOSE, tenant.id(), OneTimeToken.OWNER)
                        .then(mailer.queue(tenant.id(), new Notice.PasswordChanged(tenant.owner().email(),
                                tenant.settings().language(), clock.instant(), tenant.timeZone(),
                                links.forgotPassword())))
                        .thenReturn(tenant));
    }

    private void record(SecurityEvent.Type type, Tenant tenant, ClientAddress from, String detail) {
        events.record(new SecurityEvent(type, clock.instant(), tenant.id(), from.value(), detail));
    }
}
