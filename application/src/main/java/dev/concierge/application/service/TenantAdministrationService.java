package dev.concierge.application.service;

import dev.concierge.application.port.in.ClientAddress;
import dev.concierge.application.port.in.ConfirmTenantUseCase;
import dev.concierge.application.port.in.ListTenantsUseCase;
import dev.concierge.application.port.in.ReactivateTenantUseCase;
import dev.concierge.application.port.in.SuspendTenantUseCase;
import dev.concierge.application.port.in.TenantPage;
import dev.concierge.application.port.out.Notice;
import dev.concierge.application.port.out.SecurityEvent;
import dev.concierge.application.port.out.SecurityEvents;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.application.port.out.Transactions;
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
 * When a confirmation makes a tenant active, its owner is told by mail, in the same transaction as the change.
 */
public final class TenantAdministrationService
        implements ListTenantsUseCase, ConfirmTenantUseCase, SuspendTenantUseCase, ReactivateTenantUseCase {

    private final Tenants tenants;
    private final TenantChanges changes;
    private final SecurityEvents events;
    private final Transactions transactions;
    private final Mailer mailer;
    private final ConsoleLinks links;
    private final Clock clock;

    public TenantAdministrationService(Tenants tenants, TenantChanges changes, SecurityEvents events,
            Transactions transactions, Mailer mailer, ConsoleLinks links, Clock clock) {
        this.tenants = tenants;
        this.changes = changes;
        this.events = events;
        this.transactions = transactions;
        this.mailer = mailer;
        this.links = links;
        this.clock = clock;
    }

    @Override
    public Mono<TenantPage> list(TenantStatus status, int page, int size) {
        return Mono.defer(() -> {
            Paging.check(page, size, MAX_PAGE_SIZE);
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
        return transactions.inTransaction(TenantUpdates.apply(tenants, id, change)
                        .flatMap(changed -> becameActive(changed)
                                ? tellOwner(changed.after()).thenReturn(changed.after())
                                : Mono.just(changed.after())))
                .doOnNext(stored -> {
                    changes.changed(stored);
                    events.record(new SecurityEvent(event, clock.instant(), stored.id(), from.value(),
                            "now " + stored.status()));
                });
    }

    /** A sign-up confirmed for the first time; a reactivation after a suspension is the admin's to explain. */
    private static boolean becameActive(TenantUpdates.Changed changed) {
        return changed.before().status() == TenantStatus.PENDING && changed.after().status() == TenantStatus.ACTIVE;
    }

    private Mono<Void> tellOwner(Tenant tenant) {
        return mailer.queue(tenant.id(), new Notice.AssistantActive(tenant.owner().email(),
                tenant.settings().language(), tenant.displayName().value(), links.console()));
    }
}
