package dev.concierge.adapter.web;

import dev.concierge.adapter.web.assets.StaticAssets;
import dev.concierge.adapter.web.problem.ProblemJsonExceptionHandler;
import dev.concierge.adapter.web.support.RequestBodyLimitFilter;
import dev.concierge.adapter.web.support.SecurityHeadersFilter;
import dev.concierge.adapter.web.tenant.SignUpController;
import dev.concierge.adapter.web.widget.WidgetController;
import dev.concierge.adapter.web.widget.WidgetOriginFilter;
import dev.concierge.application.port.in.LoadWidgetUseCase;
import dev.concierge.application.port.in.SignUpTenantUseCase;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Assembles the HTTP API from the use cases found in the application context. Plain Spring: the host application
 * brings the WebFlux infrastructure (Spring Boot in the bootstrap module, {@code @EnableWebFlux} in tests).
 *
 * <p>Property {@code concierge.web.max-request-bytes} caps request bodies (default 64 KiB).
 */
@Configuration(proxyBeanMethods = false)
public class WebAdapterConfiguration {

    /** The default body limit: a sign-up or a chat message is a few hundred bytes. */
    public static final long DEFAULT_MAX_REQUEST_BYTES = 64 * 1024;

    /** The built widget and the bundled pages, from the class path folder {@code static}. */
    @Bean
    RouterFunction<ServerResponse> staticAssetRoutes() {
        return StaticAssets.load("static").routes();
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
    RequestBodyLimitFilter requestBodyLimitFilter(
            @Value("${concierge.web.max-request-bytes:" + DEFAULT_MAX_REQUEST_BYTES + "}") long maxRequestBytes) {
        return new RequestBodyLimitFilter(maxRequestBytes);
    }

    @Bean
    WidgetOriginFilter widgetOriginFilter(LoadWidgetUseCase loadWidget) {
        return new WidgetOriginFilter(loadWidget);
    }

    @Bean
    WidgetController widgetController() {
        return new WidgetController();
    }

    @Bean
    SignUpController signUpController(SignUpTenantUseCase signUp) {
        return new SignUpController(signUp);
    }
}
