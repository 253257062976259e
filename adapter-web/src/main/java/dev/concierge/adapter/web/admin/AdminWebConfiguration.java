package dev.concierge.adapter.web.admin;

import dev.concierge.adapter.web.session.SessionWebConfiguration;
import dev.concierge.application.port.in.ConfirmTenantUseCase;
import dev.concierge.application.port.in.ListTenantsUseCase;
import dev.concierge.application.port.in.ReactivateTenantUseCase;
import dev.concierge.application.port.in.SuspendTenantUseCase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Platform administration. Needs {@link ListTenantsUseCase}, {@link ConfirmTenantUseCase},
 * {@link SuspendTenantUseCase}, {@link ReactivateTenantUseCase} and, through {@link SessionWebConfiguration}, an
 * {@code AuthenticateUseCase} bean.
 */
@Configuration(proxyBeanMethods = false)
@Import(SessionWebConfiguration.class)
public class AdminWebConfiguration {

    @Bean
    AdminTenantsController adminTenantsController(ListTenantsUseCase list, ConfirmTenantUseCase confirm,
            SuspendTenantUseCase suspend, ReactivateTenantUseCase reactivate) {
        return new AdminTenantsController(list, confirm, suspend, reactivate);
    }
}
