package dev.concierge.bootstrap.demo;

import dev.concierge.application.port.in.ConfirmTenantUseCase;
import dev.concierge.application.port.in.SignUpTenantUseCase;
import dev.concierge.application.port.out.Tenants;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Demo data, on when {@code concierge.demo.enabled} is true (the default on the embedded database only).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("concierge.demo.enabled")
public class DemoConfiguration {

    @Bean
    DemoTenantSeeder demoTenantSeeder(Tenants tenants, SignUpTenantUseCase signUp, ConfirmTenantUseCase confirm,
            Environment environment) {
        return new DemoTenantSeeder(tenants, signUp, confirm, environment);
    }
}
