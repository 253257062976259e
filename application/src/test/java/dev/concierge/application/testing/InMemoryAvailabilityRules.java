package dev.concierge.application.testing;

import dev.concierge.application.port.out.AvailabilityRules;
import dev.concierge.domain.booking.AvailabilityRule;
import dev.concierge.domain.booking.AvailabilityRuleId;
import dev.concierge.domain.booking.AvailabilityRuleNotFoundException;
import dev.concierge.domain.tenant.TenantId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Availability rules in memory, each with the tenant it belongs to. Ids are unique across tenants, as a database's
 * primary key makes them. Every write records its undo step, so it takes part in the transactions of
 * {@link InMemoryTransactions}. For tests and for embedding the core without storage.
 */
public final class InMemoryAvailabilityRules implements AvailabilityRules {

    /** UUIDs in the order PostgreSQL and H2 sort them: as unsigned bytes, which {@link UUID#compareTo} is not. */
    private static final Comparator<UUID> UUID_ORDER = Comparator
            .comparing(UUID::getMostSignificantBits, Long::compareUnsigned)
            .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);
    private static final Comparator<AvailabilityRule> LISTED = Comparator.comparing(AvailabilityRule::startDate)
            .thenComparing(AvailabilityRule::startTime)
            .thenComparing(rule -> rule.id().value(), UUID_ORDER);

    /** A rule and its tenant. */
    private record Stored(TenantId tenantId, AvailabilityRule rule) {
    }

    private final Map<AvailabilityRuleId, Stored> byId = new HashMap<>();

    @Override
    public Mono<AvailabilityRule> add(TenantId tenantId, AvailabilityRule rule) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(rule, "rule");
        return Mono.deferContextual(context -> Mono.fromCallable(() -> {
            synchronized (byId) {
                if (byId.containsKey(rule.id())) {
                    throw new IllegalStateException("an availability rule with id " + rule.id() + " exists already");
                }
                byId.put(rule.id(), new Stored(tenantId, rule));
            }
            recordUndo(context, rule.id(), null);
            return rule;
        }));
    }

    @Override
    public Mono<AvailabilityRule> update(TenantId tenantId, AvailabilityRule rule) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(rule, "rule");
        return Mono.deferContextual(context -> Mono.fromCallable(() -> {
            Stored before;
            synchronized (byId) {
                before = byId.get(rule.id());
                if (before == null || !before.tenantId().equals(tenantId)) {
                    throw new AvailabilityRuleNotFoundException(rule.id());
                }
                byId.put(rule.id(), new Stored(tenantId, rule));
            }
            recordUndo(context, rule.id(), before);
            return rule;
        }));
    }

    @Override
    public Mono<Boolean> delete(TenantId tenantId, AvailabilityRuleId id) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(id, "id");
        return Mono.deferContextual(context -> Mono.fromSupplier(() -> {
            Stored before;
            synchronized (byId) {
                before = byId.get(id);
                if (before == null || !before.tenantId().equals(tenantId)) {
                    return false;
                }
                byId.remove(id);
            }
            recordUndo(context, id, before);
            return true;
        }));
    }

    @Override
    public Mono<AvailabilityRule> findById(TenantId tenantId, AvailabilityRuleId id) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(id, "id");
        return Mono.fromSupplier(() -> {
            synchronized (byId) {
                Stored stored = byId.get(id);
                return stored == null || !stored.tenantId().equals(tenantId) ? null : stored.rule();
            }
        });
    }

    @Override
    public Flux<AvailabilityRule> list(TenantId tenantId) {
        Objects.requireNonNull(tenantId, "tenantId");
        return Flux.defer(() -> {
            List<AvailabilityRule> rules;
            synchronized (byId) {
                rules = byId.values().stream().filter(stored -> stored.tenantId().equals(tenantId))
                        .map(Stored::rule).sorted(LISTED).toList();
            }
            return Flux.fromIterable(rules);
        });
    }

    /** Records how to put the rule back as it was ({@code null}: not there) when the transaction rolls back. */
    private void recordUndo(ContextView context, AvailabilityRuleId id, Stored before) {
        InMemoryTransactions.recordUndo(context, () -> {
            synchronized (byId) {
                if (before == null) {
                    byId.remove(id);
                } else {
                    byId.put(id, before);
                }
            }
        });
    }
}
