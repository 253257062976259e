package dev.concierge.bootstrap.demo;

import dev.concierge.application.port.in.ConfirmTenantUseCase;
import dev.concierge.application.port.in.ManageAvailabilityUseCase;
import dev.concierge.application.port.in.SignUpTenantUseCase;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.bootstrap.config.ConciergeProperties;
import dev.concierge.bootstrap.home.HomePage;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The demo: its tenant and the demo shop page at {@code /}, on when {@code concierge.demo.enabled} is true (the
 * default on the embedded database only).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("concierge.demo.enabled")
public class DemoConfiguration {

    @Bean
    DemoTenantSeeder demoTenantSeeder(Tenants tenants, SignUpTenantUseCase signUp, ConfirmTenantUseCase confirm,
            ManageAvailabilityUseCase availability, ConciergeProperties properties, Environment environment) {
        return new DemoTenantSeeder(tenants, signUp, confirm, availability, properties.demo(), environment);
    }

    /**
     * The demo shop page and its style sheet (its policy allows no inline styles); served from outside
     * {@code static/} so that they exist only while the demo is on.
     */
    @Bean
    RouterFunction<ServerResponse> demoPageRoute() {
        return HomePage.at("pages/demo.html").and(HomePage.file("/demo-shop.css", "pages/demo-shop.css",
                new MediaType("text", "css", StandardCharsets.UTF_8)));
    }
}
