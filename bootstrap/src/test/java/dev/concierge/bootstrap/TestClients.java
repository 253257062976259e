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
}
