package dev.concierge.adapter.web.support;

import dev.concierge.application.port.in.ClientAddress;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import org.springframework.core.MethodParameter;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where a request came from, for rate limits and the security log, as a {@link ClientAddress} handler argument.
 *
 * <p>The address is the connection's remote address. Behind a load balancer or reverse proxy, the server must be
 * told to take it from the forwarding headers (Spring Boot's {@code server.forward-headers-strategy}); without that
 * setting those headers are ignored, so a client cannot choose its own address by sending them. An IPv6 client is
 * counted by its /64 network, the block one subscriber usually gets: limits per single IPv6 address would be
 * escaped by walking through the 2^64 addresses of one's own network.
 */
public final class ClientAddresses implements WebFluxConfigurer {

    @Override
    public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
        configurer.addCustomResolver(new Resolver());
    }

    /** The client address of {@code request}; {@code unknown} when the connection has none (a test client, say). */
    public static ClientAddress of(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        InetAddress address = remote == null ? null : remote.getAddress();
        if (address == null) {
            return new ClientAddress("unknown");
        }
        if (address instanceof Inet6Address v6) {
            byte[] bytes = v6.getAddress();
            if (isIpv4Mapped(bytes)) {
                return new ClientAddress(v4(Arrays.copyOfRange(bytes, 12, 16)));
            }
            Arrays.fill(bytes, 8, 16, (byte) 0);
            return new ClientAddress(network(bytes) + "/64");
        }
        return new ClientAddress(address instanceof Inet4Address ? address.getHostAddress() : "unknown");
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    private static String v4(byte[] bytes) {
        return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
    }

    private static String network(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException("16 bytes are always an IPv6 address", impossible);
        }
    }

    private static final class Resolver implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == ClientAddress.class;
        }

        @Override
        public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
                ServerWebExchange exchange) {
            return Mono.just(of(exchange.getRequest()));
        }
    }
}
