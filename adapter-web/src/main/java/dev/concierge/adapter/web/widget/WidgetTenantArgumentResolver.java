package dev.concierge.adapter.web.widget;

import dev.concierge.application.port.in.PublishedWidget;
import org.springframework.core.MethodParameter;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Resolves {@link WidgetTenant} parameters to the tenant the origin filter admitted.
 */
final class WidgetTenantArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(WidgetTenant.class) && parameter.getParameterType() == PublishedWidget.class;
    }

    @Override
    public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
            ServerWebExchange exchange) {
        return WidgetRequests.tenant(exchange).cast(Object.class);
    }
}
