package dev.concierge.adapter.web.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.concierge.adapter.web.TestWebApplication;
import dev.concierge.adapter.web.WebAdapterConfiguration;
import dev.concierge.adapter.web.support.WebSettings;
import dev.concierge.application.port.in.LoadWidgetUseCase;
import dev.concierge.application.port.in.SignUpTenantUseCase;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The server's limits and timeouts over a real socket, with requests no browser would send.
 */
class NettyHardeningTest {

    private static final Duration SHORT = Duration.ofMillis(400);
    private static final WebSettings SETTINGS = new WebSettings(1024, SHORT, SHORT, Duration.ofSeconds(2));

    private static TestNettyServer server;

    @BeforeAll
    static void start() {
        server = new TestNettyServer(TestWebApplication.context(context -> {
            context.registerBean(WebSettings.class, () -> SETTINGS);
            context.registerBean(SignUpTenantUseCase.class, () -> (command, from) -> Mono.error(new AssertionError("unused")));
            new dev.concierge.adapter.web.account.AccountTestServices().register(context);
            context.registerBean(LoadWidgetUseCase.class, () -> key -> Mono.empty());
            context.registerBean(SlowAndFast.class);
        }, WebAdapterConfiguration.class), SETTINGS);
    }

    /** One answer that takes a moment and one that is immediate. */
    @RestController
    static class SlowAndFast {

        @GetMapping("/test/slow")
        Mono<String> slow() {
            return Mono.delay(Duration.ofMillis(50)).thenReturn("slow");
        }

        @GetMapping("/test/fast")
        Mono<String> fast() {
            return Mono.just("fast");
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void assertProblem(String answer, int status, String type) {
        assertThat(answer).startsWith("HTTP/1.1 " + status + " ");
        assertThat(answer.toLowerCase())
                .contains("content-type: application/problem+json")
                .contains("x-content-type-options: nosniff")
                .contains("content-security-policy: default-src 'self'");
        assertThat(answer).contains("\"type\":\"urn:concierge:problem:" + type + "\"", "\"status\":" + status);
    }

    @Test
    void requestLineOverTheLimitIsAProblem() throws IOException {
        String answer = server.exchange("GET /" + "a".repeat(WebSettings.MAX_REQUEST_LINE_LENGTH) + " HTTP/1.1\r\n"
                + "Host: localhost\r\n\r\n");

        assertProblem(answer, 414, "uri-too-long");
        assertThat(answer).contains("\"title\":\"Request-URI Too Long\"");
    }

    @Test
    void headersOverTheLimitAreAProblem() throws IOException {
        String answer = server.exchange("GET /api/v1/widget/demo HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Padding: " + "p".repeat(WebSettings.MAX_HEADER_BYTES) + "\r\n\r\n");

        assertProblem(answer, 431, "headers-too-large");
    }

    @Test
    void conflictingContentLengthsAreAProblem() throws IOException {
        String answer = server.exchange("POST /api/v1/tenants HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 40\r\n\r\n{}");

        assertProblem(answer, 400, "malformed-request");
    }

    @Test
    void headersTrickledInTooSlowlyEndTheConnection() throws IOException {
        try (Socket socket = server.connect()) {
            long started = System.nanoTime();
            TestNettyServer.send(socket, "GET /api/v1/widget/demo HTTP/1.1\r\nHost: local");
            String answer = TestNettyServer.readUntilClosed(socket);

            assertProblem(answer, 408, "request-timeout");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        }
    }

    @Test
    void aConnectionThatNeverSpeaksIsClosedSilentlyAfterTheIdleTimeout() throws IOException {
        try (Socket socket = server.connect()) {
            long started = System.nanoTime();
            assertThat(TestNettyServer.readUntilClosed(socket)).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(SHORT, Duration.ofSeconds(4));
        }
    }

    @Test
    void aKeptAliveConnectionMayPauseBetweenRequestsButNotWithinOne() throws IOException, InterruptedException {
        try (Socket socket = server.connect()) {
            for (int i = 0; i < 3; i++) {
                Thread.sleep(SHORT.toMillis() * 2);
                TestNettyServer.send(socket, "GET /no-such-page HTTP/1.1\r\nHost: localhost\r\n\r\n");
                assertThat(TestNettyServer.readOneAnswer(socket)).startsWith("HTTP/1.1 404 ");
            }
            TestNettyServer.send(socket, "GET /no-such-page HTTP/1.1\r\n");
            assertThat(TestNettyServer.readUntilClosed(socket)).startsWith("HTTP/1.1 408 ");
        }
    }

    @Test
    void aKeptAliveConnectionKeepsListeningAfterPipelinedRequests() throws IOException {
        try (Socket socket = server.connect()) {
            // Two requests in one write: the second arrives while the first is still being answered.
            TestNettyServer.send(socket, "GET /test/slow HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    + "GET /test/fast HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertThat(TestNettyServer.readOneAnswer(socket)).startsWith("HTTP/1.1 200 ").endsWith("slow");
            assertThat(TestNettyServer.readOneAnswer(socket)).startsWith("HTTP/1.1 200 ").endsWith("fast");

            TestNettyServer.send(socket, "GET /test/fast HTTP/1.1\r\nHost: localhost\r\n\r\n");

            assertThat(TestNettyServer.readOneAnswer(socket)).startsWith("HTTP/1.1 200 ").endsWith("fast");
        }
    }

    @Test
    void aBodyThatStopsArrivingEndsTheConnection() throws IOException {
        try (Socket socket = server.connect()) {
            long started = System.nanoTime();
            TestNettyServer.send(socket, "POST /api/v1/tenants HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"ownerEmail\":");
            String answer = TestNettyServer.readUntilClosed(socket);

            assertProblem(answer, 408, "request-timeout");
            assertThat(answer).contains("body stopped arriving");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        }
    }

    @Test
    void aRequestAnsweredBeforeItsBodyArrivedGetsOneAnswerOnly() throws IOException {
        try (Socket socket = server.connect()) {
            // Answered 404 at once; the announced body never comes.
            TestNettyServer.send(socket, "POST /no-such-route HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{");
            String answers = TestNettyServer.readUntilClosed(socket);

            assertThat(answers).startsWith("HTTP/1.1 404 ").doesNotContain("<still open>");
            assertThat(answers.split("HTTP/1.1 ", -1)).hasSize(2);
        }
    }

    @Test
    void chunkedBodyOverTheLimitIsRefusedWithoutBufferErrors() throws IOException {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        root.addAppender(logged);
        try {
            String chunk = "x".repeat(700);
            String body = (Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n").repeat(4) + "0\r\n\r\n";
            String answer = server.exchange("POST /api/v1/tenants HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + body);

            assertProblem(answer, 413, "payload-too-large");
            assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
                    .noneMatch(message -> message.contains("IllegalReferenceCount") || message.contains("LEAK"));
            assertThat(logged.list).extracting(event -> String.valueOf(event.getThrowableProxy() == null ? ""
                    : event.getThrowableProxy().getClassName())).noneMatch(name -> name.contains("IllegalReferenceCount"));
        } finally {
            root.detachAppender(logged);
        }
    }
}
