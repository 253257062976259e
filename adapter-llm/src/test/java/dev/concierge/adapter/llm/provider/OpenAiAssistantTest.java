package dev.concierge.adapter.llm.provider;

import static dev.concierge.adapter.llm.provider.FakeServer.json;
import static dev.concierge.adapter.llm.provider.FakeServer.silentFor;
import static dev.concierge.adapter.llm.provider.FakeServer.sse;
import static dev.concierge.adapter.llm.provider.FakeServer.stream;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.adapter.llm.resilience.CircuitBreaker;
import dev.concierge.adapter.llm.resilience.Resilience;
import dev.concierge.application.port.out.AssistantEvent;
import dev.concierge.application.port.out.AssistantEvent.TextDelta;
import dev.concierge.application.port.out.AssistantEvent.ToolCall;
import dev.concierge.application.port.out.AssistantEvent.Usage;
import dev.concierge.application.port.out.AssistantRequest;
import dev.concierge.application.port.out.AssistantTurn;
import dev.concierge.application.port.out.AssistantUnavailableException;
import dev.concierge.application.port.out.ToolSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** The OpenAI provider against a local server speaking the Chat Completions API, streamed. */
class OpenAiAssistantTest {

    static final String API_KEY = "sk-test-0123456789-secret";
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final String SCHEMA = """
            {"type":"object","description":"When to look","properties":{
              "from":{"type":"string","format":"date","description":"the first day"},
              "days":{"type":"integer","minimum":1,"maximum":14}},
             "required":["from"],"additionalProperties":false}""";
    static final ToolSpec LIST_FREE_SLOTS = new ToolSpec("list_free_slots", "Lists the free slots from a day on",
            SCHEMA);

    final FakeServer server = FakeServer.start();

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void sendsSystemPromptHistoryAndToolsAndStreamsTheAnswer() throws Exception {
        server.reply(sse(OpenAiChunks.text("Monday "), OpenAiChunks.text("at 9 is free."),
                OpenAiChunks.finish("stop"), OpenAiChunks.usage(42, 7), OpenAiChunks.done()));

        StepVerifier.create(assistant(Duration.ofSeconds(5), 2).respond(conversation(null)))
                .expectNext(new TextDelta("Monday "), new TextDelta("at 9 is free."), new Usage(42, 7))
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(server.received()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/v1/chat/completions");
            assertThat(request.headers()).containsEntry("authorization", "Bearer " + API_KEY)
                    .doesNotContainKey("upgrade");
            JsonNode body = request.json();
            assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini");
            assertThat(body.path("stream").asBoolean()).isTrue();
            assertThat(body.path("stream_options").path("include_usage").asBoolean()).isTrue();

            JsonNode messages = body.path("messages");
            assertThat(messages).hasSize(6);
            assertThat(messages.get(0).path("role").asText()).isEqualTo("system");
            assertThat(messages.get(0).path("content").asText()).isEqualTo("You book haircuts.");
            assertThat(messages.get(1).path("role").asText()).isEqualTo("user");
            assertThat(messages.get(1).path("content").asText()).isEqualTo("Any time on Monday?");
            assertThat(messages.get(2).path("role").asText()).isEqualTo("assistant");
            JsonNode call = messages.get(2).path("tool_calls").get(0);
            assertThat(call.path("id").asText()).isEqualTo("call_0");
            assertThat(call.path("function").path("name").asText()).isEqualTo("list_free_slots");
            assertThat(call.path("function").path("arguments").asText()).isEqualTo("{\"from\":\"2026-11-30\"}");
            assertThat(messages.get(3).path("role").asText()).isEqualTo("tool");
            assertThat(messages.get(3).path("tool_call_id").asText()).isEqualTo("call_0");
            assertThat(messages.get(3).path("content").asText()).isEqualTo("[\"2026-11-30T09:00:00Z\"]");
            assertThat(messages.get(4).path("role").asText()).isEqualTo("assistant");
            assertThat(messages.get(4).path("content").asText()).isEqualTo("Monday at 9 is free.");
            assertThat(messages.get(5).path("role").asText()).isEqualTo("user");
            assertThat(messages.get(5).path("content").asText()).isEqualTo("And on Tuesday?");

            JsonNode tool = body.path("tools").get(0);
            assertThat(body.path("tools")).hasSize(1);
            assertThat(tool.path("type").asText()).isEqualTo("function");
            assertThat(tool.path("function").path("name").asText()).isEqualTo("list_free_slots");
            assertThat(tool.path("function").path("description").asText())
                    .isEqualTo("Lists the free slots from a day on");
            JsonNode parameters = tool.path("function").path("parameters");
            JsonNode schema = readTree(SCHEMA);
            assertThat(parameters.path("type").asText()).isEqualTo("object");
            assertThat(parameters.path("properties")).isEqualTo(schema.path("properties"));
            assertThat(parameters.path("required")).isEqualTo(schema.path("required"));
        });
    }

    @Test
    void streamedToolCallsArriveWhole() {
        server.reply(sse(OpenAiChunks.firstToolCallPiece(0, "call_abc", "list_free_slots"),
                OpenAiChunks.toolArgumentsPiece(0, "{\"from\":"),
                OpenAiChunks.toolArgumentsPiece(0, "\"2026-12-01\","),
                OpenAiChunks.toolArgumentsPiece(0, "\"days\":3}"),
                OpenAiChunks.firstToolCallPiece(1, "call_def", "list_free_slots"),
                OpenAiChunks.toolArgumentsPiece(1, "{\"from\":\"2026-12-08\"}"),
                OpenAiChunks.finish("tool_calls"), OpenAiChunks.usage(50, 20), OpenAiChunks.done()));

        StepVerifier.create(assistant(Duration.ofSeconds(5), 2).respond(conversation(null)))
                .expectNext(new ToolCall("call_abc", "list_free_slots", "{\"from\":\"2026-12-01\",\"days\":3}"),
                        new ToolCall("call_def", "list_free_slots", "{\"from\":\"2026-12-08\"}"),
                        new Usage(50, 20))
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void aDeltaArrivesWhileTheProviderIsStillWriting() throws Exception {
        CountDownLatch firstDeltaSeen = new CountDownLatch(1);
        CountDownLatch serverFinished = new CountDownLatch(1);
        server.reply(stream(sse -> {
            sse.data(OpenAiChunks.text("Hello"));
            boolean released = firstDeltaSeen.await(10, TimeUnit.SECONDS);
            sse.data(OpenAiChunks.text(released ? " there" : " (too late)"));
            sse.data(OpenAiChunks.finish("stop")).data(OpenAiChunks.usage(5, 2)).data(OpenAiChunks.done());
            serverFinished.countDown();
        }));

        StepVerifier.create(assistant(Duration.ofSeconds(5), 0).respond(conversation(null)))
                .assertNext(event -> {
                    assertThat(event).isEqualTo(new TextDelta("Hello"));
                    assertThat(serverFinished.getCount()).as("the server is still writing").isEqualTo(1);
                    firstDeltaSeen.countDown();
                })
                .expectNext(new TextDelta(" there"), new Usage(5, 2))
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void aRateLimitIsRetriedAndThenTheAnswerStreams() {
        server.reply(json(429, OpenAiChunks.error("Rate limit reached", "requests")),
                sse(OpenAiChunks.text("Hi"), OpenAiChunks.finish("stop"), OpenAiChunks.usage(3, 1),
                        OpenAiChunks.done()));

        StepVerifier.create(assistant(Duration.ofSeconds(5), 2).respond(conversation(null)))
                .expectNext(new TextDelta("Hi"), new Usage(3, 1))
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(server.received()).hasSize(2);
    }

    @Test
    void serverErrorsAreRetriedUpToTheLimit() {
        server.reply(json(500, OpenAiChunks.error("boom", "server_error")),
                json(503, OpenAiChunks.error("overloaded", "server_error")),
                json(502, OpenAiChunks.error("bad gateway", "server_error")),
                sse(OpenAiChunks.text("never sent"), OpenAiChunks.done()));

        StepVerifier.create(assistant(Duration.ofSeconds(5), 2).respond(conversation(null)))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(AssistantUnavailableException.class)
                        .hasMessageContaining("openai").hasMessageContaining("502")
                        .hasMessageContaining("2 retries"))
                .verify(TIMEOUT);
        assertThat(server.received()).hasSize(3);
    }

    @Test
    void aRefusedKeyIsNotRetriedAndNotRepeated() {
        server.reply(json(401, OpenAiChunks.error("Incorrect API key provided: " + API_KEY, "invalid_request_error")),
                sse(OpenAiChunks.text("never sent"), OpenAiChunks.done()));

        StepVerifier.create(assistant(Duration.ofSeconds(5), 2).respond(conversation(null)))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(AssistantUnavailableException.class)
                            .hasMessageContaining("401").hasNoCause();
                    assertThat(error.getMessage()).doesNotContain(API_KEY).doesNotContain("sk-");
                })
                .verify(TIMEOUT);
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void anotherClientErrorIsNotRetried() {
        server.reply(json(400, OpenAiChunks.error("context too long", "invalid_request_error")));

        StepVerifier.create(assistant(Duration.ofSeconds(5), 2).respond(conversation(null)))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(AssistantUnavailableException.class)
                        .hasMessageContaining("400"))
                .verify(TIMEOUT);
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void aServerThatDoesNotAnswerInTimeFailsSoon() {
        server.reply(silentFor(5_000, sse(OpenAiChunks.text("late"), OpenAiChunks.done())));
        long started = System.nanoTime();

        StepVerifier.create(assistant(Duration.ofMillis(300), 0).respond(conversation(null)))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(AssistantUnavailableException.class)
                        .hasMessageContaining("no answer in time"))
                .verify(TIMEOUT);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aTimeoutIsRetried() {
        server.reply(silentFor(2_000, sse(OpenAiChunks.text("late"), OpenAiChunks.done())),
                sse(OpenAiChunks.text("On time"), OpenAiChunks.finish("stop"), OpenAiChunks.usage(1, 2),
                        OpenAiChunks.done()));

        StepVerifier.create(assistant(Duration.ofMillis(300), 1).respond(conversation(null)))
                .expectNext(new TextDelta("On time"), new Usage(1, 2))
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(server.received()).hasSize(2);
    }

    @Test
    void aStreamThatStallsAfterTheFirstDeltaFailsWithoutReplayingIt() {
        server.reply(stream(sse -> {
            sse.data(OpenAiChunks.text("Half an ans"));
            Thread.sleep(5_000);
        }), sse(OpenAiChunks.text("A replay"), OpenAiChunks.done()));

        StepVerifier.create(assistant(Duration.ofMillis(300), 2).respond(conversation(null)))
                .expectNext(new TextDelta("Half an ans"))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(AssistantUnavailableException.class)
                        .hasMessageContaining("no answer in time").hasMessageContaining("after part of the answer"))
                .verify(TIMEOUT);
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void aMalformedStreamFails() {
        server.reply(sse("{\"id\":\"chatcmpl-1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":"));

        StepVerifier.create(assistant(Duration.ofSeconds(5), 2).respond(conversation(null)))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(AssistantUnavailableException.class)
                        .hasMessageContaining("unreadable answer"))
                .verify(TIMEOUT);
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void anUnreachableServerIsRetriedThenUnavailable() {
        String baseUrl = server.baseUrl();
        server.close();
        LangChainAssistant assistant = new LangChainAssistant(
                StreamingChatModels.openAi(baseUrl, API_KEY, "gpt-4o-mini", Duration.ofSeconds(1),
                        Duration.ofSeconds(1)),
                ModelChoice.of("gpt-4o-mini", List.of()),
                new Resilience("openai", 1, Duration.ofMillis(10), Duration.ofSeconds(2),
                        CircuitBreaker.withDefaults(Clock.systemUTC())));

        StepVerifier.create(assistant.respond(conversation(null)))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(AssistantUnavailableException.class)
                        .hasMessageContaining("connection failed").hasMessageContaining("1 retries"))
                .verify(TIMEOUT);
    }

    @Test
    void aServerWithoutKeysIsCalledWithoutOne() {
        server.reply(sse(OpenAiChunks.text("Hi"), OpenAiChunks.usage(1, 1), OpenAiChunks.done()));
        LangChainAssistant keyless = new LangChainAssistant(
                StreamingChatModels.openAi(server.baseUrl(), null, "llama3.2", Duration.ofSeconds(1),
                        Duration.ofSeconds(5)),
                ModelChoice.of("llama3.2", List.of()),
                new Resilience("openai", 0, Duration.ofMillis(10), Duration.ofSeconds(5),
                        CircuitBreaker.withDefaults(Clock.systemUTC())));

        StepVerifier.create(keyless.respond(conversation(null)))
                .expectNext(new TextDelta("Hi"), new Usage(1, 1))
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(server.received()).singleElement().satisfies(request -> {
            assertThat(request.json().path("model").asText()).isEqualTo("llama3.2");
            assertThat(request.headers()).doesNotContainKey("authorization");
        });
    }

    @Test
    void aTenantMayPickAnAllowedModelOnly() {
        server.reply(sse(OpenAiChunks.usage(1, 1), OpenAiChunks.done()),
                sse(OpenAiChunks.usage(1, 1), OpenAiChunks.done()));
        LangChainAssistant assistant = assistant(Duration.ofSeconds(5), 0);

        StepVerifier.create(assistant.respond(conversation("gpt-4o"))).expectNext(new Usage(1, 1))
                .expectComplete().verify(TIMEOUT);
        StepVerifier.create(assistant.respond(conversation("o1-pro"))).expectNext(new Usage(1, 1))
                .expectComplete().verify(TIMEOUT);

        assertThat(server.received()).extracting(request -> request.json().path("model").asText())
                .containsExactly("gpt-4o", "gpt-4o-mini");
    }

    @Test
    void subscribingOnANonBlockingThreadDoesNotBlockIt() {
        server.reply(json(503, OpenAiChunks.error("overloaded", "server_error")),
                sse(OpenAiChunks.text("Fine"), OpenAiChunks.finish("stop"), OpenAiChunks.usage(2, 1),
                        OpenAiChunks.done()));

        Flux<AssistantEvent> onParallel = assistant(Duration.ofSeconds(5), 2).respond(conversation(null))
                .subscribeOn(Schedulers.parallel())
                .publishOn(Schedulers.parallel());

        StepVerifier.create(onParallel)
                .expectNext(new TextDelta("Fine"), new Usage(2, 1))
                .expectComplete()
                .verify(TIMEOUT);
    }

    private LangChainAssistant assistant(Duration readTimeout, int maxRetries) {
        return new LangChainAssistant(
                StreamingChatModels.openAi(server.baseUrl(), API_KEY, "gpt-4o-mini", Duration.ofSeconds(2),
                        readTimeout),
                ModelChoice.of("gpt-4o-mini", List.of("gpt-4o")),
                new Resilience("openai", maxRetries, Duration.ofMillis(20), readTimeout,
                        CircuitBreaker.withDefaults(Clock.systemUTC())));
    }

    static AssistantRequest conversation(String model) {
        return new AssistantRequest("You book haircuts.", List.of(
                new AssistantTurn.User("Any time on Monday?"),
                new AssistantTurn.Assistant("", List.of(
                        new ToolCall("call_0", "list_free_slots", "{\"from\":\"2026-11-30\"}"))),
                new AssistantTurn.ToolResult("call_0", "list_free_slots", "[\"2026-11-30T09:00:00Z\"]"),
                new AssistantTurn.Assistant("Monday at 9 is free.", List.of()),
                new AssistantTurn.User("And on Tuesday?")),
                List.of(LIST_FREE_SLOTS), model);
    }

    private static JsonNode readTree(String json) throws Exception {
        return new ObjectMapper().readTree(json);
    }
}
