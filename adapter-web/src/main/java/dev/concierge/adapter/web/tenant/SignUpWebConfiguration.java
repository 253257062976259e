package dev.concierge.adapter.web.tenant;

import dev.concierge.application.port.in.SignUpTenantUseCase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tenant sign-up. Needs a {@link SignUpTenantUseCase} bean.
 */
@Configuration(proxyBeanMethods = false)
public class SignUpWebConfiguration {

    @Bean
    SignUpController signUpController(SignUpTenantUseCase signUp) {
        return new SignUpController(signUp);
    }
}
