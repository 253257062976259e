package dev.concierge.adapter.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.adapter.web.problem.ProblemException;
import dev.concierge.adapter.web.problem.ProblemType;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class RequestBodyLimitFilterTest {

    private final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(10);

    private static Flux<DataBuffer> chunks(String... parts) {
        return Flux.fromArray(parts)
                .map(part -> DefaultDataBufferFactory.sharedInstance.wrap(part.getBytes(StandardCharsets.UTF_8)));
    }

    private static StepVerifier.FirstStep<String> readThroughFilter(RequestBodyLimitFilter filter,
            MockServerHttpRequest request) {
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        StringBuilder read = new StringBuilder();
        return StepVerifier.create(filter.filter(exchange, filtered -> DataBufferUtils.join(filtered.getRequest().getBody())
                        .doOnNext(buffer -> read.append(buffer.toString(StandardCharsets.UTF_8)))
                        .then())
                .thenReturn(read.toString()).map(ignored -> read.toString()));
    }

    @Test
    void chunkedBodyIsCutOffOnceItPassesTheLimit() {
        MockServerHttpRequest request = MockServerHttpRequest.post("/api/v1/tenants")
                .header(HttpHeaders.TRANSFER_ENCODING, "chunked").body(chunks("12345", "67890", "X"));

        readThroughFilter(filter, request)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(ProblemException.class,
                        problem -> assertThat(problem.type()).isEqualTo(ProblemType.PAYLOAD_TOO_LARGE)))
                .verify();
    }

    @Test
    void declaredLengthOverTheLimitIsRefusedBeforeReading() {
        MockServerHttpRequest request = MockServerHttpRequest.post("/api/v1/tenants").contentLength(11)
                .body(chunks("tiny"));

        readThroughFilter(filter, request).expectError(ProblemException.class).verify();
    }

    @Test
    void bodyWithinTheLimitPassesUntouched() {
        MockServerHttpRequest request = MockServerHttpRequest.post("/api/v1/tenants")
                .header(HttpHeaders.TRANSFER_ENCODING, "chunked").body(chunks("12345", "67890"));

        readThroughFilter(filter, request).expectNext("1234567890").verifyComplete();
    }

    @Test
    void requestsWithoutABodyPassAsTheyAre() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/widget/demo"));
        AtomicReference<ServerWebExchange> passed = new AtomicReference<>();

        StepVerifier.create(filter.filter(exchange, filtered -> {
            passed.set(filtered);
            return Mono.empty();
        })).verifyComplete();

        assertThat(passed.get()).isSameAs(exchange);
    }
}
