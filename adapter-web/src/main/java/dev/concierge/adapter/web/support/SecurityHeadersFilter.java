package dev.concierge.adapter.web.support;

import java.util.List;
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
 *
 * <p>Pages and answers that carry or follow a one-time token (password reset, address verification) send no
 * referrer at all, so that the token in their address cannot leak to any other site, not even its origin.
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

    /** Where a one-time token may be in the address. */
    static final List<String> TOKEN_PATHS = List.of("/api/v1/auth/password-reset", "/api/v1/auth/email-verification",
            "/console/reset-password/", "/console/verify-email/", "/api/v1/bookings/");

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        HEADERS.forEach(headers::set);
        String path = exchange.getRequest().getPath().value();
        if (TOKEN_PATHS.stream().anyMatch(path::startsWith)) {
            headers.set("Referrer-Policy", "no-referrer");
        }
        return chain.filter(exchange);
    }
}
