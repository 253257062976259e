package dev.concierge.adapter.web.support;

import dev.concierge.adapter.web.problem.ProblemException;
import dev.concierge.adapter.web.problem.ProblemType;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Caps every request body. A declared {@code Content-Length} above the limit is refused before anything is read;
 * a body sent without one (chunked) is counted as it streams in and cut off as soon as it passes the limit.
 * Either way the answer is 413.
 *
 * <p>The chunk that passes the limit is still handed on, followed at once by the error: whoever reads the body owns
 * every buffer it receives and releases them when the error arrives. Releasing that chunk here as well would free
 * it twice.
 */
public final class RequestBodyLimitFilter implements WebFilter, Ordered {

    private final long maxBytes;

    public RequestBodyLimitFilter(long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("the body limit must be positive, was " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders headers = request.getHeaders();
        long declared = headers.getContentLength();
        if (declared > maxBytes) {
            return Mono.error(tooLarge());
        }
        if (declared <= 0 && !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            // No body at all (most GETs): nothing to count, and no decorator on the hot path.
            return chain.filter(exchange);
        }
        ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> {
                    long[] seen = {0};
                    return super.getBody().handle((buffer, sink) -> {
                        seen[0] += buffer.readableByteCount();
                        sink.next(buffer);
                        if (seen[0] > maxBytes) {
                            sink.error(tooLarge());
                        }
                    });
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    private ProblemException tooLarge() {
        return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE,
                "The request body is larger than this server accepts (" + maxBytes + " bytes).");
    }
}
