package dev.concierge.adapter.llm.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * A provider's HTTP API inside the test: each request is recorded and answered by the next scripted {@link Reply}
 * (a 500 when none is left).
 */
final class FakeServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as the server received it; header names in lower case. */
    record Received(String method, String path, Map<String, String> headers, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** How the server answers one request. */
    @FunctionalInterface
    interface Reply {
        void write(HttpExchange exchange) throws IOException, InterruptedException;
    }

    /** Writes the events of a server-sent event stream, each sent at once. */
    static final class SseWriter {

        private final OutputStream out;

        SseWriter(OutputStream out) {
            this.out = out;
        }

        /** Sends {@code data: <data>}. */
        SseWriter data(String data) throws IOException {
            return raw("data: " + data + "\n\n");
        }

        /** Sends {@code event: <name>} with {@code data: <data>}, as Anthropic's API does. */
        SseWriter event(String name, String data) throws IOException {
            return raw("event: " + name + "\ndata: " + data + "\n\n");
        }

        SseWriter raw(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return this;
        }
    }

    /** Writes a stream through {@link SseWriter}. */
    @FunctionalInterface
    interface Stream {
        void write(SseWriter sse) throws IOException, InterruptedException;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Queue<Reply> replies = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private FakeServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    static FakeServer start() {
        try {
            return new FakeServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL of {@code /v1} on this server, as a base URL. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    FakeServer reply(Reply... next) {
        replies.addAll(List.of(next));
        return this;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    static Reply json(int status, String body) {
        return exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        };
    }

    /** A {@code text/event-stream} with one {@code data:} event per element. */
    static Reply sse(String... data) {
        return stream(sse -> {
            for (String each : data) {
                sse.data(each);
            }
        });
    }

    static Reply stream(Stream stream) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                stream.write(new SseWriter(out));
            }
        };
    }

    /** Waits {@code millis} before anything is sent. */
    static Reply silentFor(long millis, Reply then) {
        return exchange -> {
            Thread.sleep(millis);
            then.write(exchange);
        };
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = exchange.getRequestHeaders().entrySet().stream().collect(Collectors.toMap(
                    entry -> entry.getKey().toLowerCase(Locale.ROOT), entry -> String.join(",", entry.getValue())));
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body));
            Reply reply = replies.poll();
            (reply == null ? json(500, "{\"error\":{\"message\":\"no reply scripted\"}}") : reply).write(exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client went away (cancelled or timed out): nothing to answer.
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
