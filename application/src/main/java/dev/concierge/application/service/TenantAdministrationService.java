package dev.concierge.application.service;

import dev.concierge.application.port.in.ClientAddress;
import dev.concierge.application.port.in.ConfirmTenantUseCase;
import dev.concierge.application.port.in.ListTenantsUseCase;
import dev.concierge.application.port.in.ReactivateTenantUseCase;
import dev.concierge.application.port.in.SuspendTenantUseCase;
import dev.concierge.application.port.in.TenantPage;
import dev.concierge.application.port.out.SecurityEvent;
import dev.concierge.application.port.out.SecurityEvents;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.domain.shared.Text;
import dev.concierge.domain.shared.Violations;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantId;
import dev.concierge.domain.tenant.TenantStatus;
import java.time.Clock;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * The platform admin's work on tenants: listing them, confirming sign-ups, suspending and reactivating. A status
 * change is applied to the tenant's current state even when its owner edits it at the same moment, is passed to
 * {@link TenantChanges} so that this instance's widget cache follows at once, and is written to the security log.
 */
public final class TenantAdministrationService
        implements ListTenantsUseCase, ConfirmTenantUseCase, SuspendTenantUseCase, ReactivateTenantUseCase {

    private final Tenants tenants;
    private final TenantChanges changes;
    private final SecurityEvents events;
    private final Clock clock;

    public TenantAdministrationService(Tenants tenants, TenantChanges changes, SecurityEvents events, Clock clock) {
        this.tenants = tenants;
        this.changes = changes;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Mono<TenantPage> list(TenantStatus status, int page, int size) {
        return Mono.defer(() -> {
            Violations violations = new Violations();
            if (page < 0 || page > 1_000_000) {
                violations.add("page", "must be between 0 and 1000000");
            }
            if (size < 1 || size > MAX_PAGE_SIZE) {
                violations.add("size", "must be between 1 and " + MAX_PAGE_SIZE);
            }
            violations.throwIfAny();
            return Mono.zip(tenants.list(status, (long) page * size, size).collectList(), tenants.count(status))
                    .map(found -> new TenantPage(found.getT1(), page, size, found.getT2()));
        });
    }

    @Override
    public Mono<Tenant> confirm(TenantId tenantId, ClientAddress from) {
        return change(tenantId, Tenant::confirm, SecurityEvent.Type.TENANT_CONFIRMED, from);
    }

    @Override
    public Mono<Tenant> suspend(TenantId tenantId, String reason, ClientAddress from) {
        return Mono.defer(() -> {
            Violations violations = new Violations();
            String valid = violations.field("reason", reason,
                    raw -> Text.require(raw, Tenant.MAX_SUSPENSION_REASON_LENGTH, true));
            violations.throwIfAny();
            return change(tenantId, tenant -> tenant.suspend(valid), SecurityEvent.Type.TENANT_SUSPENDED, from);
        });
    }

    @Override
    public Mono<Tenant> reactivate(TenantId tenantId, ClientAddress from) {
        return change(tenantId, Tenant::reactivate, SecurityEvent.Type.TENANT_REACTIVATED, from);
    }

    private Mono<Tenant> change(TenantId id, Function<Tenant, Tenant> change, SecurityEvent.Type event,
            ClientAddress from) {
        return TenantUpdates.change(tenants, id, change)
                .doOnNext(stored -> {
                    changes.changed(stored);
                    events.record(new SecurityEvent(event, clock.instant(), stored.id(), from.value(),
                            "now " + stored.status()));
                });
    }
}
