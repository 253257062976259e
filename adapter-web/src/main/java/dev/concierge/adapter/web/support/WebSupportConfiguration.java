package dev.concierge.adapter.web.support;

import dev.concierge.adapter.web.assets.StaticAssets;
import dev.concierge.adapter.web.problem.ProblemJsonExceptionHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * What every feature of the HTTP API shares: problem+json errors, hardening headers, the body limit, strict JSON
 * reading, content negotiation for problem clients, and the static files. Uses the {@link WebSettings} bean if there
 * is one.
 */
@Configuration(proxyBeanMethods = false)
public class WebSupportConfiguration {

    /** The built widget and the bundled pages, from the class path folder {@code static}. */
    @Bean
    RouterFunction<ServerResponse> staticAssetRoutes() {
        return StaticAssets.load("static").routes();
    }

    @Bean
    ClientAddresses clientAddresses() {
        return new ClientAddresses();
    }

    @Bean
    ProblemJsonExceptionHandler problemJsonExceptionHandler() {
        return new ProblemJsonExceptionHandler();
    }

    @Bean
    SecurityHeadersFilter securityHeadersFilter() {
        return new SecurityHeadersFilter();
    }

    @Bean
    ProblemAcceptFilter problemAcceptFilter() {
        return new ProblemAcceptFilter();
    }

    @Bean
    RequestBodyLimitFilter requestBodyLimitFilter(ObjectProvider<WebSettings> settings) {
        return new RequestBodyLimitFilter(settings.getIfAvailable(WebSettings::defaults).maxRequestBytes());
    }

    @Bean
    StrictJsonCodecs strictJsonCodecs(ObjectProvider<WebSettings> settings) {
        return new StrictJsonCodecs(settings.getIfAvailable(WebSettings::defaults).maxRequestBytes());
    }
}
