package dev.concierge.adapter.web.security;

import dev.concierge.application.port.out.PasswordHasher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link PasswordHasher} port, backed by bcrypt with the strength of the {@link PasswordHashingSettings} bean
 * if there is one.
 */
@Configuration(proxyBeanMethods = false)
public class PasswordHashingConfiguration {

    @Bean
    PasswordHasher passwordHasher(ObjectProvider<PasswordHashingSettings> settings) {
        return new BcryptPasswordHasher(settings.getIfAvailable(PasswordHashingSettings::defaults).bcryptStrength());
    }
}
