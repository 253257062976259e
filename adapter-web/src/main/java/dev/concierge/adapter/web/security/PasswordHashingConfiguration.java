package dev.concierge.adapter.web.security;

import dev.concierge.application.port.out.PasswordHasher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link PasswordHasher} port, backed by bcrypt with the strength and pool of the {@link PasswordHashingSettings}
 * bean if there is one. The hasher's threads stop when the application context closes.
 */
@Configuration(proxyBeanMethods = false)
public class PasswordHashingConfiguration {

    @Bean(destroyMethod = "close")
    PasswordHasher passwordHasher(ObjectProvider<PasswordHashingSettings> settings) {
        return new BcryptPasswordHasher(settings.getIfAvailable(PasswordHashingSettings::defaults));
    }
}
