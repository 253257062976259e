package dev.concierge.application.port.in;

import dev.concierge.domain.tenant.Tenant;
import reactor.core.publisher.Mono;

/**
 * A business signs up for Concierge.
 */
public interface SignUpTenantUseCase {

    /**
     * Creates the tenant in {@link dev.concierge.domain.tenant.TenantStatus#PENDING} state with the owner's password
     * hashed. Sign-ups are rate limited per client address, across instances.
     *
     * @param from where the request came from, or {@link ClientAddress#INTERNAL} for the platform's own work (never
     *             limited)
     * @return the new tenant; errors with {@link dev.concierge.domain.tenant.ClientKeyTakenException} or
     *         {@link dev.concierge.domain.tenant.OwnerEmailTakenException} when another tenant holds the key or e-mail
     *         (or the e-mail is the platform admin's), with
     *         {@link dev.concierge.domain.account.TooManyAttemptsException} when the address signed up too often, and
     *         with {@link java.util.concurrent.RejectedExecutionException} when password hashing is at capacity
     */
    Mono<Tenant> signUp(SignUpCommand command, ClientAddress from);
}
