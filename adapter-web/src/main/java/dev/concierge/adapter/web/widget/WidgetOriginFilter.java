package dev.concierge.adapter.web.widget;

import dev.concierge.adapter.web.problem.ProblemException;
import dev.concierge.adapter.web.problem.ProblemType;
import dev.concierge.application.port.in.LoadWidgetUseCase;
import dev.concierge.application.port.in.PublishedWidget;
import dev.concierge.domain.shared.InvalidValueException;
import dev.concierge.domain.tenant.ClientKey;
import dev.concierge.domain.tenant.TenantNotFoundException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Per-tenant CORS for every widget endpoint ({@code /api/v1/widget/{clientKey}/**}).
 *
 * <ul>
 *   <li>The tenant must exist and be active; otherwise 404, the same for unknown and inactive tenants.</li>
 *   <li>An {@code Origin} in the tenant's allow-list (exact scheme, host and port) is echoed in
 *       {@code Access-Control-Allow-Origin}; preflight requests are answered here with 204.</li>
 *   <li>Any other origin gets 403 and no CORS headers.</li>
 *   <li>Without an {@code Origin} header, only safe methods (GET, HEAD) pass, so that the public config can be read
 *       by tools and crawlers; requests that change state (chat, booking) must come from an allowed origin.</li>
 * </ul>
 *
 * The tenant it loads reaches the handler as a {@link WidgetTenant} argument, so each request reads it once.
 */
public final class WidgetOriginFilter implements WebFilter, Ordered {

    static final PathPattern WIDGET_PATHS = PathPatternParser.defaultInstance.parse("/api/v1/widget/{clientKey}/**");

    private static final Set<HttpMethod> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD);
    private static final List<HttpMethod> ALLOWED_METHODS = List.of(HttpMethod.GET, HttpMethod.POST);
    private static final List<String> ALLOWED_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT,
            HttpHeaders.ACCEPT_LANGUAGE, "Last-Event-ID", "Idempotency-Key");
    private static final long PREFLIGHT_MAX_AGE_SECONDS = 600;

    private final LoadWidgetUseCase loadWidget;

    public WidgetOriginFilter(LoadWidgetUseCase loadWidget) {
        this.loadWidget = loadWidget;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        PathPattern.PathMatchInfo match = WIDGET_PATHS.matchAndExtract(request.getPath().pathWithinApplication());
        if (match == null) {
            return chain.filter(exchange);
        }
        exchange.getResponse().getHeaders().add(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        return activeTenant(match.getUriVariables())
                .flatMap(tenant -> admit(exchange, chain, tenant));
    }

    private Mono<PublishedWidget> activeTenant(Map<String, String> uriVariables) {
        String rawKey = uriVariables.get("clientKey");
        ClientKey clientKey;
        try {
            clientKey = ClientKey.of(rawKey);
        } catch (InvalidValueException e) {
            return Mono.error(new TenantNotFoundException("with client key '" + rawKey + "'"));
        }
        return loadWidget.load(clientKey);
    }

    private Mono<Void> admit(ServerWebExchange exchange, WebFilterChain chain, PublishedWidget tenant) {
        ServerHttpRequest request = exchange.getRequest();
        String origin = request.getHeaders().getOrigin();
        if (origin == null) {
            if (!SAFE_METHODS.contains(request.getMethod())) {
                return Mono.error(new ProblemException(ProblemType.FORBIDDEN_ORIGIN,
                        "Requests that change anything must come from a web page on one of the tenant's allowed origins."));
            }
            return chain.filter(WidgetRequests.withTenant(exchange, tenant));
        }
        if (!tenant.allowedOrigins().permits(origin)) {
            return Mono.error(new ProblemException(ProblemType.FORBIDDEN_ORIGIN,
                    "The origin " + origin + " is not on this widget's list of allowed origins."));
        }
        if (CorsUtils.isPreFlightRequest(request)) {
            return answerPreflight(request, exchange.getResponse(), origin);
        }
        exchange.getResponse().getHeaders().setAccessControlAllowOrigin(origin);
        return chain.filter(WidgetRequests.withTenant(exchange, tenant));
    }

    private static Mono<Void> answerPreflight(ServerHttpRequest request, ServerHttpResponse response, String origin) {
        HttpMethod requested = request.getHeaders().getAccessControlRequestMethod();
        if (requested == null || !ALLOWED_METHODS.contains(requested)) {
            return Mono.error(new ProblemException(ProblemType.FORBIDDEN_ORIGIN, "Widget endpoints accept GET and POST only."));
        }
        HttpHeaders headers = response.getHeaders();
        headers.setAccessControlAllowOrigin(origin);
        headers.add(HttpHeaders.VARY, HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
        headers.add(HttpHeaders.VARY, HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
        headers.setAccessControlAllowMethods(ALLOWED_METHODS);
        headers.setAccessControlAllowHeaders(ALLOWED_HEADERS);
        headers.setAccessControlMaxAge(PREFLIGHT_MAX_AGE_SECONDS);
        response.setStatusCode(HttpStatus.NO_CONTENT);
        return response.setComplete();
    }
}
