package dev.concierge.application.port.in;

import dev.concierge.domain.tenant.TenantStatus;
import reactor.core.publisher.Mono;

/**
 * The platform admin looks through the tenants, newest sign-up first.
 */
public interface ListTenantsUseCase {

    int MAX_PAGE_SIZE = 100;

    /**
     * @param status only tenants in this status, or {@code null} for all
     * @param page   from 0
     * @param size   1 to {@value #MAX_PAGE_SIZE}
     * @return the page; errors with {@link dev.concierge.domain.shared.ValidationException} naming {@code page} or
     *         {@code size} when out of range
     */
    Mono<TenantPage> list(TenantStatus status, int page, int size);
}
