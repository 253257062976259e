package dev.concierge.application.service;

import dev.concierge.application.port.in.AvailabilityForm;
import dev.concierge.application.port.in.Caller;
import dev.concierge.application.port.in.ManageAvailabilityUseCase;
import dev.concierge.application.port.out.AvailabilityRules;
import dev.concierge.domain.booking.AvailabilityClashException;
import dev.concierge.domain.booking.AvailabilityRule;
import dev.concierge.domain.booking.AvailabilityRuleId;
import dev.concierge.domain.booking.AvailabilityRuleNotFoundException;
import dev.concierge.domain.shared.Violations;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The owner's availability rules. A new rule is compared with the tenant's others: an identical one is returned
 * instead of storing a copy, and one whose occurrences would overlap another's is refused, naming the other rule and
 * the first date they meet, so that no time is offered twice.
 */
public final class AvailabilityService implements ManageAvailabilityUseCase {

    private final AvailabilityRules rules;

    public AvailabilityService(AvailabilityRules rules) {
        this.rules = rules;
    }

    @Override
    public Flux<AvailabilityRule> list(Caller.OwnerCaller owner) {
        return rules.list(owner.tenantId());
    }

    @Override
    public Mono<SavedRule> create(Caller.OwnerCaller owner, AvailabilityForm form) {
        return Mono.defer(() -> {
            AvailabilityRule rule = form.validate(AvailabilityRuleId.random());
            return rules.list(owner.tenantId()).collectList().flatMap(existing -> {
                Optional<AvailabilityRule> same = existing.stream().filter(rule::sameScheduleAs).findFirst();
                if (same.isPresent()) {
                    return Mono.just(new SavedRule(same.get(), false));
                }
                if (existing.size() >= AvailabilityRules.MAX_RULES) {
                    Violations violations = new Violations();
                    violations.add("startDate", "a tenant has at most " + AvailabilityRules.MAX_RULES
                            + " availability rules; remove old ones first");
                    violations.throwIfAny();
                }
                requireNoClash(rule, existing);
                return rules.add(owner.tenantId(), rule).map(stored -> new SavedRule(stored, true));
            });
        });
    }

    @Override
    public Mono<AvailabilityRule> update(Caller.OwnerCaller owner, AvailabilityRuleId id, AvailabilityForm form) {
        return Mono.defer(() -> {
            AvailabilityRule rule = form.validate(id);
            return rules.list(owner.tenantId()).collectList().flatMap(existing -> {
                if (existing.stream().noneMatch(other -> other.id().equals(id))) {
                    return Mono.error(new AvailabilityRuleNotFoundException(id));
                }
                requireNoClash(rule, existing.stream().filter(other -> !other.id().equals(id)).toList());
                return rules.update(owner.tenantId(), rule);
            });
        });
    }

    @Override
    public Mono<Void> delete(Caller.OwnerCaller owner, AvailabilityRuleId id) {
        return rules.delete(owner.tenantId(), id)
                .flatMap(deleted -> deleted ? Mono.<Void>empty() : Mono.error(new AvailabilityRuleNotFoundException(id)));
    }

    private static void requireNoClash(AvailabilityRule rule, List<AvailabilityRule> others) {
        for (AvailabilityRule other : others) {
            Optional<java.time.LocalDate> clash = rule.firstClashWith(other);
            if (clash.isPresent()) {
                throw new AvailabilityClashException(other, clash.get());
            }
        }
    }
}
