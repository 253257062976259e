package dev.concierge.adapter.web.support;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A client that accepts {@code application/problem+json} but not {@code application/json} is a JSON client asking
 * for RFC 9457 errors, not one that refuses JSON answers. Without this, every JSON endpoint would answer it 406
 * before even reading its request; with it, the client gets the endpoint's JSON answer, and its errors as
 * problem+json.
 */
public final class ProblemAcceptFilter implements WebFilter, Ordered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 5;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        List<MediaType> accepted;
        try {
            accepted = exchange.getRequest().getHeaders().getAccept();
        } catch (RuntimeException unreadable) {
            return chain.filter(exchange);
        }
        boolean problemOnly = accepted.stream().anyMatch(MediaType.APPLICATION_PROBLEM_JSON::equalsTypeAndSubtype)
                && accepted.stream().noneMatch(type -> type.isCompatibleWith(MediaType.APPLICATION_JSON));
        if (!problemOnly) {
            return chain.filter(exchange);
        }
        List<MediaType> widened = new ArrayList<>(accepted);
        widened.add(MediaType.APPLICATION_JSON);
        return chain.filter(exchange.mutate()
                .request(request -> request.headers(headers -> headers.setAccept(widened)))
                .build());
    }
}
