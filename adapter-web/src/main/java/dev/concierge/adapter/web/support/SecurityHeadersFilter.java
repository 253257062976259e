package dev.concierge.adapter.web.support;

import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Hardening headers on every answer, errors included: no MIME sniffing, no framing of the server's own pages, no
 * referrer leaking to other sites, and a content security policy that lets the server's pages load only their own
 * scripts and styles. HSTS is left to whoever terminates TLS.
 */
public final class SecurityHeadersFilter implements WebFilter, Ordered {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' https: data:; "
            + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    /** The headers and their values; also written by the answers the server gives before any filter runs. */
    public static final Map<String, String> HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "strict-origin-when-cross-origin",
            "Content-Security-Policy", CONTENT_SECURITY_POLICY);

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        HEADERS.forEach(headers::set);
        return chain.filter(exchange);
    }
}
