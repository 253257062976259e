package dev.concierge.bootstrap.config;

import dev.concierge.adapter.persistence.PersistenceConfiguration;
import dev.concierge.adapter.web.WebAdapterConfiguration;
import dev.concierge.adapter.web.security.BcryptPasswordHasher;
import dev.concierge.application.port.in.ConfirmTenantUseCase;
import dev.concierge.application.port.in.LoadWidgetUseCase;
import dev.concierge.application.port.in.SignUpTenantUseCase;
import dev.concierge.application.port.out.PasswordHasher;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.application.service.ConfirmTenantService;
import dev.concierge.application.service.LoadWidgetService;
import dev.concierge.application.service.SignUpTenantService;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Wires the use cases to their adapters. Every service is a plain object created here; the adapters bring their own
 * Spring configuration.
 */
@Configuration(proxyBeanMethods = false)
@Import({WebAdapterConfiguration.class, PersistenceConfiguration.class})
public class ApplicationWiring {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PasswordHasher passwordHasher(ConciergeProperties properties) {
        return new BcryptPasswordHasher(properties.security().bcryptStrength());
    }

    @Bean
    SignUpTenantUseCase signUpTenantUseCase(Tenants tenants, PasswordHasher passwordHasher, Clock clock) {
        return new SignUpTenantService(tenants, passwordHasher, clock);
    }

    @Bean
    LoadWidgetUseCase loadWidgetUseCase(Tenants tenants) {
        return new LoadWidgetService(tenants);
    }

    @Bean
    ConfirmTenantUseCase confirmTenantUseCase(Tenants tenants) {
        return new ConfirmTenantService(tenants);
    }
}
