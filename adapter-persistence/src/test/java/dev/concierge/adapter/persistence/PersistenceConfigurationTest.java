package dev.concierge.adapter.persistence;

import static dev.concierge.domain.tenant.TenantFixtures.activeTenant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.adapter.persistence.tenant.R2dbcTenants;
import dev.concierge.adapter.persistence.testing.TestH2;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.domain.tenant.Tenant;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

class PersistenceConfigurationTest {

    @Test
    void exposesTenantsStoredThroughTheApplicationsConnectionFactory() {
        TestH2 h2 = TestH2.migrated();
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.registerBean(ConnectionFactory.class, h2::connectionFactory);
            context.register(PersistenceConfiguration.class);
            context.refresh();
            Tenants tenants = context.getBean(Tenants.class);
            Tenant tenant = activeTenant().build();

            tenants.add(tenant).block(Duration.ofSeconds(10));

            Tenants readDirectly = R2dbcTenants.using(h2.connectionFactory(), Clock.systemUTC());
            assertThat(readDirectly.findByClientKey(tenant.clientKey()).block(Duration.ofSeconds(10))).isEqualTo(tenant);
        }
    }
}
