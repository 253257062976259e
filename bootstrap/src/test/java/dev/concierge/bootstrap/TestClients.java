package dev.concierge.bootstrap;

import java.time.Duration;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Clients for the tests that talk to a running server over a real socket. */
final class TestClients {

    /** bcrypt and a cold JIT on a busy 2-core machine can take seconds; a request that hangs still fails. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private TestClients() {
    }

    static WebTestClient onPort(Object port) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(PATIENCE).build();
    }

    /**
     * A client with a connection of its own for every request, for requests the server refuses before it read them
     * whole (an oversized body): the server answers and closes that connection, which a pooled client could still
     * hand to the next test's request.
     */
    static WebTestClient unpooledOnPort(Object port) {
        return WebTestClient.bindToServer(new org.springframework.http.client.reactive.ReactorClientHttpConnector(
                        reactor.netty.http.client.HttpClient.create(
                                reactor.netty.resources.ConnectionProvider.newConnection())))
                .baseUrl("http://localhost:" + port).responseTimeout(PATIENCE).build();
    }
}
