package dev.concierge.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The assembled server applies the web adapter's defences: its limits, timeouts and strict JSON reading hold under
 * Spring Boot's own web server and codec set-up, over a real socket.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "concierge.data-dir=target/test-data/hardened",
        "concierge.web.header-timeout=500ms",
        "concierge.web.max-request-bytes=2KB"})
class HardenedServerTest {

    @Value("${local.server.port}")
    int port;

    private WebTestClient client() {
        return TestClients.onPort(port);
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            in.transferTo(read);
            return read.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void requestsTooLargeForTheServerGetProblemJsonWithHardeningHeaders() throws IOException {
        String answer = raw("GET /" + "a".repeat(5000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 414 ");
        assertThat(answer.toLowerCase()).contains("content-type: application/problem+json", "x-frame-options: deny");
        assertThat(answer).contains("urn:concierge:problem:uri-too-long");
    }

    @Test
    void slowHeadersEndTheConnectionAfterTheConfiguredTimeout() throws IOException {
        long started = System.nanoTime();
        String answer = raw("GET /api/v1/widget/demo HTTP/1.1\r\nHost: loc");

        assertThat(answer).startsWith("HTTP/1.1 408 ").contains("urn:concierge:problem:request-timeout");
        assertThat(System.nanoTime() - started).isLessThan(4_000_000_000L);
    }

    @Test
    void theConfiguredBodyLimitApplies() {
        client().post().uri("/api/v1/tenants").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"displayName\": \"" + "x".repeat(3000) + "\"}").exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.type").isEqualTo("urn:concierge:problem:payload-too-large");
    }

    @Test
    void numbersAreNotTakenForTextUnderTheApplicationsCodecs() {
        client().post().uri("/api/v1/tenants").contentType(MediaType.APPLICATION_JSON).bodyValue("""
                {"ownerEmail": "owner@numbers.example", "password": 12345678, "displayName": "Numbers",
                 "clientKey": "numbers", "allowedOrigins": ["https://numbers.example"]}
                """).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("password");
    }

    @Test
    void headAnswersLikeGetForTheWidgetAndTheHomePage() {
        client().head().uri("/widget.js").exchange().expectStatus().isOk().expectBody().isEmpty();
        client().head().uri("/").exchange().expectStatus().isOk().expectBody().isEmpty();
    }
}
