package dev.concierge.application.service;

import static dev.concierge.domain.tenant.TenantFixtures.activeTenant;
import static dev.concierge.domain.tenant.TenantFixtures.pendingTenant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.application.port.in.PublishedWidget;
import dev.concierge.application.testing.InMemoryTenants;
import dev.concierge.domain.tenant.ClientKey;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantNotFoundException;
import dev.concierge.domain.tenant.TenantStatus;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class LoadWidgetServiceTest {

    private final InMemoryTenants tenants = new InMemoryTenants();
    private final LoadWidgetService service = new LoadWidgetService(tenants);

    @Test
    void servesActiveTenants() {
        Tenant active = tenants.add(activeTenant().withClientKey("open-shop").build()).block();

        StepVerifier.create(service.load(ClientKey.of("open-shop")))
                .assertNext(published -> {
                    assertThat(published).isEqualTo(PublishedWidget.of(active));
                    assertThat(published.tenantId()).isEqualTo(active.id());
                    assertThat(published.branding()).isEqualTo(active.branding());
                    assertThat(published.allowedOrigins()).isEqualTo(active.allowedOrigins());
                })
                .verifyComplete();
    }

    @Test
    void pendingSuspendedAndUnknownTenantsLookTheSame() {
        tenants.add(pendingTenant().withClientKey("pending-shop").build()).block();
        tenants.add(activeTenant().withClientKey("closed-shop").withStatus(TenantStatus.SUSPENDED).build()).block();

        for (String key : new String[] {"pending-shop", "closed-shop", "unknown-shop"}) {
            StepVerifier.create(service.load(ClientKey.of(key)))
                    .expectErrorSatisfies(e -> org.assertj.core.api.Assertions.assertThat(e)
                            .isInstanceOf(TenantNotFoundException.class)
                            .hasMessage("no tenant with client key '" + key + "'"))
                    .verify();
        }
    }
}
