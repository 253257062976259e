package dev.concierge.adapter.web.session;

import dev.concierge.application.port.in.AuthenticateUseCase;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

/**
 * Signed-in callers as handler arguments ({@link dev.concierge.application.port.in.Caller.OwnerCaller},
 * {@link dev.concierge.application.port.in.Caller.AdminCaller}). Needs an {@link AuthenticateUseCase} bean.
 */
@Configuration(proxyBeanMethods = false)
public class SessionWebConfiguration implements WebFluxConfigurer {

    private final AuthenticateUseCase authenticate;

    public SessionWebConfiguration(AuthenticateUseCase authenticate) {
        this.authenticate = authenticate;
    }

    @Override
    public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
        configurer.addCustomResolver(new CallerArgumentResolver(authenticate));
    }
}
