package dev.concierge.application.service;

import static dev.concierge.domain.tenant.TenantFixtures.pendingTenant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.application.testing.InMemoryTenants;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantId;
import dev.concierge.domain.tenant.TenantNotFoundException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class ConfirmTenantServiceTest {

    private final InMemoryTenants tenants = new InMemoryTenants();
    private final List<Tenant> changed = new ArrayList<>();
    private final ConfirmTenantService service = new ConfirmTenantService(tenants, changed::add);

    @Test
    void confirmedTenantIsStoredActive() {
        Tenant pending = tenants.add(pendingTenant().build()).block();

        StepVerifier.create(service.confirm(pending.id()))
                .assertNext(tenant -> assertThat(tenant.isActive()).isTrue())
                .verifyComplete();
        assertThat(tenants.findById(pending.id()).block().isActive()).isTrue();
        assertThat(changed).extracting(Tenant::id).containsExactly(pending.id());
    }

    @Test
    void confirmingAnActiveTenantChangesNothing() {
        Tenant active = tenants.add(pendingTenant().build().confirm()).block();

        StepVerifier.create(service.confirm(active.id())).expectNext(active).verifyComplete();
        assertThat(changed).isEmpty();
    }

    @Test
    void unknownTenantCannotBeConfirmed() {
        StepVerifier.create(service.confirm(TenantId.random())).expectError(TenantNotFoundException.class).verify();
    }
}
