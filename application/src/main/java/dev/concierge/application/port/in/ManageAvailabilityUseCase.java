package dev.concierge.application.port.in;

import dev.concierge.domain.booking.AvailabilityRule;
import dev.concierge.domain.booking.AvailabilityRuleId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An owner publishes when their business takes appointments. Rules are read in the tenant's time zone. A rule
 * identical to an existing one is not stored twice; a rule whose occurrences would overlap another's is refused with
 * {@link dev.concierge.domain.booking.AvailabilityClashException} naming the other rule and the first date they meet.
 */
public interface ManageAvailabilityUseCase {

    /** @return the owner's rules, by start */
    Flux<AvailabilityRule> list(Caller.OwnerCaller owner);

    /**
     * @return the new rule, or the identical existing one ({@link SavedRule#created()} false); errors with
     *         {@link dev.concierge.domain.shared.ValidationException} for invalid fields or too many rules
     */
    Mono<SavedRule> create(Caller.OwnerCaller owner, AvailabilityForm form);

    /** @return the changed rule; errors with {@link dev.concierge.domain.booking.AvailabilityRuleNotFoundException} */
    Mono<AvailabilityRule> update(Caller.OwnerCaller owner, AvailabilityRuleId id, AvailabilityForm form);

    /**
     * Removes a rule; bookings already made of its slots stay.
     *
     * @return empty; errors with {@link dev.concierge.domain.booking.AvailabilityRuleNotFoundException}
     */
    Mono<Void> delete(Caller.OwnerCaller owner, AvailabilityRuleId id);

    /** A rule as stored, and whether this request created it. */
    record SavedRule(AvailabilityRule rule, boolean created) {
    }
}
