package dev.concierge.application.service;

import dev.concierge.application.port.in.Caller;
import dev.concierge.application.port.in.ClientAddress;
import dev.concierge.application.port.in.VerifyAddressUseCase;
import dev.concierge.application.port.out.Notice;
import dev.concierge.application.port.out.OneTimeTokens;
import dev.concierge.application.port.out.RollingLimits;
import dev.concierge.application.port.out.SecurityEvent;
import dev.concierge.application.port.out.SecurityEvents;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.application.port.out.Transactions;
import dev.concierge.domain.account.RollingLimit;
import dev.concierge.domain.tenant.Owner;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.token.OneTimeToken;
import dev.concierge.domain.token.SecretToken;
import dev.concierge.domain.token.TokenNotValidException;
import dev.concierge.domain.token.TokenPurpose;
import java.time.Clock;
import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * Proves that an owner's e-mail address is theirs: a link mailed at sign-up (or on request) carries a one-time token;
 * following it marks the address verified, which the platform admin sees before confirming the tenant.
 */
public final class AddressVerificationService implements VerifyAddressUseCase {

    private static final TokenPurpose PURPOSE = TokenPurpose.EMAIL_VERIFICATION;

    private final Tenants tenants;
    private final OneTimeTokens tokens;
    private final RollingLimits limits;
    private final Mailer mailer;
    private final ConsoleLinks links;
    private final Transactions transactions;
    private final SecurityEvents events;
    private final Clock clock;

    public AddressVerificationService(Tenants tenants, OneTimeTokens tokens, RollingLimits limits, Mailer mailer,
            ConsoleLinks links, Transactions transactions, SecurityEvents events, Clock clock) {
        this.tenants = tenants;
        this.tokens = tokens;
        this.limits = limits;
        this.mailer = mailer;
        this.links = links;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Mono<Void> verify(String token, ClientAddress from) {
        return Mono.defer(() -> {
            SecretToken secret = SecretToken.parse(token).orElseThrow(TokenNotValidException::new);
            return transactions.inTransaction(tokens.consume(PURPOSE, secret.hash(), clock.instant())
                            .switchIfEmpty(Mono.error(TokenNotValidException::new))
                            .flatMap(found -> TenantUpdates.changeOwner(tenants, found.tenantId(), Owner::verifyEmail)))
                    .doOnNext(tenant -> events.record(new SecurityEvent(SecurityEvent.Type.ADDRESS_VERIFIED,
                            clock.instant(), tenant.id(), from.value(), null)))
                    .then();
        });
    }

    @Override
    public Mono<Void> resend(Caller.OwnerCaller owner) {
        return tenants.findById(owner.tenantId())
                .filter(tenant -> !tenant.owner().emailVerified())
                .flatMap(tenant -> transactions.inTransaction(
                        limits.tryAcquire("verification-mail:" + tenant.id(), RollingLimit.PASSWORD_RESET_MAILS,
                                        clock.instant())
                                .filter(Boolean::booleanValue)
                                .flatMap(allowed -> tokens.deleteAll(PURPOSE, tenant.id(), OneTimeToken.OWNER)
                                        .then(mailLink(tenant)))))
                .then();
    }

    /** Issues a verification token for the tenant's owner and queues the mail with its link; joins the caller's transaction. */
    Mono<Void> mailLink(Tenant tenant) {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            SecretToken secret = SecretToken.generate();
            return tokens.add(OneTimeToken.issue(secret, PURPOSE, tenant.id(), OneTimeToken.OWNER, now))
                    .then(mailer.queue(tenant.id(), new Notice.VerifyAddress(tenant.owner().email(),
                            tenant.settings().language(), tenant.displayName().value(), links.verifyAddress(secret),
                            PURPOSE.lifetime())));
        });
    }
}
