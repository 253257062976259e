package dev.concierge.application.port.in;

import dev.concierge.domain.tenant.Tenant;
import reactor.core.publisher.Mono;

/**
 * A business signs up for Concierge.
 */
public interface SignUpTenantUseCase {

    /**
     * Creates the tenant in {@link dev.concierge.domain.tenant.TenantStatus#PENDING} state with the owner's password
     * hashed.
     *
     * @return the new tenant; errors with {@link dev.concierge.domain.tenant.ClientKeyTakenException} or
     *         {@link dev.concierge.domain.tenant.OwnerEmailTakenException} when another tenant holds the key or e-mail
     */
    Mono<Tenant> signUp(SignUpCommand command);
}
