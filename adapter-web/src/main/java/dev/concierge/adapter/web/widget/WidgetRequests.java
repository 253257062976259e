package dev.concierge.adapter.web.widget;

import dev.concierge.application.port.in.PublishedWidget;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Carries the tenant that {@link WidgetOriginFilter} admitted a request for to the widget handlers.
 */
final class WidgetRequests {

    private static final String TENANT = WidgetRequests.class.getName() + ".tenant";

    private WidgetRequests() {
    }

    static ServerWebExchange withTenant(ServerWebExchange exchange, PublishedWidget tenant) {
        exchange.getAttributes().put(TENANT, tenant);
        return exchange;
    }

    /** The admitted tenant; an error if the origin filter did not run, which is a wiring fault. */
    static Mono<PublishedWidget> tenant(ServerWebExchange exchange) {
        PublishedWidget tenant = exchange.getAttribute(TENANT);
        return tenant != null ? Mono.just(tenant)
                : Mono.error(new IllegalStateException("widget request reached its handler without passing the origin filter"));
    }
}
