package dev.concierge.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;

/**
 * Proves that the test suite runs with BlockHound armed: a blocking call on a Netty event-loop thread is caught.
 */
class BlockHoundTest {

    @Test
    void blockingCallOnNettyEventLoopIsCaught() {
        AtomicReference<Throwable> caught = new AtomicReference<>();
        AtomicReference<String> thread = new AtomicReference<>();
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> {
                    thread.set(Thread.currentThread().getName());
                    try {
                        Thread.sleep(1);
                    } catch (Throwable e) {
                        caught.set(e);
                    }
                    return response.sendString(reactor.core.publisher.Mono.just("done"));
                })
                .bindNow();
        try {
            HttpClient.create().get().uri("http://127.0.0.1:" + server.port() + "/")
                    .responseContent().aggregate().asString().block(Duration.ofSeconds(10));
        } finally {
            server.disposeNow();
        }

        assertThat(thread.get()).contains("reactor-http");
        assertThat(caught.get()).isInstanceOf(BlockingOperationError.class)
                .hasMessageContaining("java.lang.Thread.sleep");
    }
}
