package dev.concierge.application.port.in;

import dev.concierge.domain.tenant.Tenant;
import reactor.core.publisher.Mono;

/**
 * A business signs up for Concierge.
 */
public interface SignUpTenantUseCase {

    /**
     * Creates the tenant in {@link dev.concierge.domain.tenant.TenantStatus#PENDING} state with the owner's password
     * hashed, and mails the owner a link to verify their address. Sign-ups are rate limited per client address,
     * across instances.
     *
     * <p>When the e-mail address already has an account (or is the platform admin's), nothing is created and the
     * answer is the same as for a new sign-up: the tenant that would have been created. The existing owner is told
     * by mail instead.
     *
     * @param from where the request came from, or {@link ClientAddress#INTERNAL} for the platform's own work (never
     *             limited)
     * @return the new tenant; errors with {@link dev.concierge.domain.tenant.ClientKeyTakenException} when another
     *         tenant holds the client key, with {@link dev.concierge.domain.account.TooManyAttemptsException} when the
     *         address signed up too often, and with {@link java.util.concurrent.RejectedExecutionException} when
     *         password hashing is at capacity
     */
    Mono<Tenant> signUp(SignUpCommand command, ClientAddress from);
}
