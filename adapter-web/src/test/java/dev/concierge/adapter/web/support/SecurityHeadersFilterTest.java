package dev.concierge.adapter.web.support;

import dev.concierge.adapter.web.TestWebApplication;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

class SecurityHeadersFilterTest {

    private final WebTestClient client = TestWebApplication.start(context -> {
    });

    private static void expectHardened(WebTestClient.ResponseSpec response) {
        response.expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "strict-origin-when-cross-origin")
                .expectHeader().valueEquals("Content-Security-Policy", SecurityHeadersFilter.CONTENT_SECURITY_POLICY);
    }

    @Test
    void pagesScriptsAndErrorsAreAllHardened() {
        expectHardened(client.get().uri("/test-widget.js").exchange().expectStatus().isOk());
        expectHardened(client.get().uri("/docs/").exchange().expectStatus().isOk());
        expectHardened(client.get().uri("/nowhere").exchange().expectStatus().isNotFound());
    }
}
