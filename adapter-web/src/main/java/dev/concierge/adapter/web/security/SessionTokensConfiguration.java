package dev.concierge.adapter.web.security;

import dev.concierge.application.port.out.SessionTokens;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link SessionTokens} port, backed by signed JWTs. Needs a {@link SessionTokenSettings} bean: the secret is
 * the host application's to provide, never a default.
 */
@Configuration(proxyBeanMethods = false)
public class SessionTokensConfiguration {

    @Bean
    SessionTokens sessionTokens(SessionTokenSettings settings) {
        return new NimbusSessionTokens(settings);
    }
}
