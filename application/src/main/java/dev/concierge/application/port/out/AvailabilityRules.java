package dev.concierge.application.port.out;

import dev.concierge.domain.booking.AvailabilityRule;
import dev.concierge.domain.booking.AvailabilityRuleId;
import dev.concierge.domain.tenant.TenantId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where each tenant's availability rules are kept. Every operation is scoped to one tenant: a rule of another
 * tenant is never found, changed or deleted, whatever its id. Each write is all or nothing, also inside a surrounding
 * {@link Transactions transaction}. A read returns the rule exactly as stored.
 */
public interface AvailabilityRules {

    /** Stores a new rule; errors with {@link IllegalStateException}, storing nothing, when its id exists already. */
    Mono<AvailabilityRule> add(TenantId tenantId, AvailabilityRule rule);

    /**
     * Replaces a stored rule of the tenant.
     *
     * @return the stored rule; errors with {@link dev.concierge.domain.booking.AvailabilityRuleNotFoundException}
     *         when the tenant has no rule with its id
     */
    Mono<AvailabilityRule> update(TenantId tenantId, AvailabilityRule rule);

    /** @return whether a rule of the tenant with this id was there (and is now gone) */
    Mono<Boolean> delete(TenantId tenantId, AvailabilityRuleId id);

    /** @return the tenant's rule with this id, or empty */
    Mono<AvailabilityRule> findById(TenantId tenantId, AvailabilityRuleId id);

    /** @return all rules of the tenant, by start date, then start time, then id; at most {@value #MAX_RULES} */
    Flux<AvailabilityRule> list(TenantId tenantId);

    /** The most rules a tenant may have; a service refuses more before storing. */
    int MAX_RULES = 200;
}
