package dev.concierge.bootstrap.health;

import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Makes the actuator's path-mapped health endpoint ({@code /actuator/health/{*path}}) answer an unknown path the way
 * every other unknown address is answered: 404 as problem+json, with no error logged.
 *
 * <p>Spring Boot 4.0's endpoint answers an unknown single segment ({@code /actuator/health/a}) with a bodiless 404,
 * and fails an unknown first segment followed by more ({@code /actuator/health/a/b}) with
 * {@code IllegalStateException("'contributor' must not be null")} from {@code HealthEndpointSupport.getContributor},
 * which became a 500. Both are turned into a {@link ResponseStatusException} with 404, which the problem+json
 * handler answers.
 */
public final class UnknownHealthPathFilter implements WebFilter {

    /** The message of Spring Boot's assertion when a health path walks past a missing contributor. */
    static final String MISSING_CONTRIBUTOR = "'contributor' must not be null";

    private final String healthPathPrefix;

    /** @param healthPath the health endpoint's path, for example {@code /actuator/health} */
    public UnknownHealthPathFilter(String healthPath) {
        this.healthPathPrefix = healthPath + "/";
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().pathWithinApplication().value().startsWith(healthPathPrefix)) {
            return chain.filter(exchange);
        }
        ServerWebExchange notFoundAsError = exchange.mutate().response(new NotFoundAsError(exchange.getResponse()))
                .build();
        return chain.filter(notFoundAsError)
                .onErrorMap(IllegalStateException.class::isInstance,
                        error -> MISSING_CONTRIBUTOR.equals(error.getMessage()) ? notFound() : error);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    /** Turns a bodiless 404 into an error before anything is written, so that the error handler answers it. */
    private static final class NotFoundAsError extends ServerHttpResponseDecorator {

        NotFoundAsError(ServerHttpResponse delegate) {
            super(delegate);
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            return isNotFound() ? Mono.error(notFound()) : super.writeWith(body);
        }

        @Override
        public Mono<Void> setComplete() {
            return isNotFound() ? Mono.error(notFound()) : super.setComplete();
        }

        private boolean isNotFound() {
            return HttpStatus.NOT_FOUND.equals(getStatusCode());
        }
    }
}
