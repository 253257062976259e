package dev.concierge.adapter.llm.provider;

import static dev.concierge.adapter.llm.provider.FakeServer.json;
import static dev.concierge.adapter.llm.provider.FakeServer.stream;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.adapter.llm.resilience.CircuitBreaker;
import dev.concierge.adapter.llm.resilience.Resilience;
import dev.concierge.application.port.out.AssistantEvent.TextDelta;
import dev.concierge.application.port.out.AssistantEvent.ToolCall;
import dev.concierge.application.port.out.AssistantEvent.Usage;
import dev.concierge.application.port.out.AssistantUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** The Anthropic provider against a local server speaking the Messages API, streamed. */
class AnthropicAssistantTest {

    static final String API_KEY = "sk-ant-test-0123456789-secret";
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    final FakeServer server = FakeServer.start();

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void sendsTheConversationAndStreamsTextAToolCallAndTheUsage() {
        server.reply(stream(sse -> sse
                .event("message_start", """
                        {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant",\
                        "content":[],"model":"claude-3-5-haiku-latest","stop_reason":null,"stop_sequence":null,\
                        "usage":{"input_tokens":31,"output_tokens":1}}}""")
                .event("content_block_start", """
                        {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}""")
                .event("ping", "{\"type\":\"ping\"}")
                .event("content_block_delta", """
                        {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Let me "}}""")
                .event("content_block_delta", """
                        {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"look."}}""")
                .event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}")
                .event("content_block_start", """
                        {"type":"content_block_start","index":1,"content_block":{"type":"tool_use",\
                        "id":"toolu_01","name":"list_free_slots","input":{}}}""")
                .event("content_block_delta", """
                        {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta",\
                        "partial_json":"{\\"from\\": \\"2026-12"}}""")
                .event("content_block_delta", """
                        {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta",\
                        "partial_json":"-01\\"}"}}""")
                .event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":1}")
                .event("message_delta", """
                        {"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},\
                        "usage":{"output_tokens":24}}""")
                .event("message_stop", "{\"type\":\"message_stop\"}")));

        StepVerifier.create(assistant(2).respond(OpenAiAssistantTest.conversation(null))
                        .subscribeOn(Schedulers.parallel()))
                .expectNext(new TextDelta("Let me "), new TextDelta("look."))
                .assertNext(event -> {
                    ToolCall call = (ToolCall) event;
                    assertThat(call.id()).isEqualTo("toolu_01");
                    assertThat(call.name()).isEqualTo("list_free_slots");
                    assertThat(call.arguments().replace(" ", "")).isEqualTo("{\"from\":\"2026-12-01\"}");
                })
                .expectNext(new Usage(31, 24))
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(server.received()).singleElement().satisfies(request -> {
            assertThat(request.path()).isEqualTo("/v1/messages");
            assertThat(request.headers()).containsEntry("x-api-key", API_KEY).containsKey("anthropic-version")
                    .doesNotContainKey("upgrade");
            JsonNode body = request.json();
            assertThat(body.path("model").asText()).isEqualTo("claude-3-5-haiku-latest");
            assertThat(body.path("stream").asBoolean()).isTrue();
            assertThat(body.path("system").toString()).contains("You book haircuts.");

            JsonNode messages = body.path("messages");
            assertThat(messages).hasSize(5);
            assertThat(messages.get(0).path("role").asText()).isEqualTo("user");
            assertThat(messages.get(0).toString()).contains("Any time on Monday?");
            assertThat(messages.get(1).path("role").asText()).isEqualTo("assistant");
            JsonNode toolUse = messages.get(1).path("content").get(messages.get(1).path("content").size() - 1);
            assertThat(toolUse.path("type").asText()).isEqualTo("tool_use");
            assertThat(toolUse.path("id").asText()).isEqualTo("call_0");
            assertThat(toolUse.path("name").asText()).isEqualTo("list_free_slots");
            assertThat(toolUse.path("input").path("from").asText()).isEqualTo("2026-11-30");
            assertThat(messages.get(2).path("role").asText()).isEqualTo("user");
            JsonNode toolResult = messages.get(2).path("content").get(0);
            assertThat(toolResult.path("type").asText()).isEqualTo("tool_result");
            assertThat(toolResult.path("tool_use_id").asText()).isEqualTo("call_0");
            assertThat(toolResult.toString()).contains("2026-11-30T09:00:00Z");
            assertThat(messages.get(3).path("role").asText()).isEqualTo("assistant");
            assertThat(messages.get(3).toString()).contains("Monday at 9 is free.");
            assertThat(messages.get(4).path("role").asText()).isEqualTo("user");
            assertThat(messages.get(4).toString()).contains("And on Tuesday?");

            JsonNode tool = body.path("tools").get(0);
            assertThat(tool.path("name").asText()).isEqualTo("list_free_slots");
            assertThat(tool.path("input_schema").path("properties").path("days").path("maximum").asInt())
                    .isEqualTo(14);
            assertThat(tool.path("input_schema").path("required").get(0).asText()).isEqualTo("from");
        });
    }

    @Test
    void anOverloadedApiIsRetriedAndARefusedKeyIsNot() {
        server.reply(json(529, "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"),
                json(401, "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key\"}}"),
                json(500, "{}"));

        StepVerifier.create(assistant(2).respond(OpenAiAssistantTest.conversation(null)))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(AssistantUnavailableException.class)
                            .hasMessageContaining("anthropic").hasMessageContaining("401").hasNoCause();
                    assertThat(error.getMessage()).doesNotContain(API_KEY);
                })
                .verify(TIMEOUT);
        assertThat(server.received()).hasSize(2);
    }

    private LangChainAssistant assistant(int maxRetries) {
        return new LangChainAssistant(
                StreamingChatModels.anthropic(server.baseUrl(), API_KEY, "claude-3-5-haiku-latest",
                        Duration.ofSeconds(2), Duration.ofSeconds(5)),
                ModelChoice.of("claude-3-5-haiku-latest", List.of()),
                new Resilience("anthropic", maxRetries, Duration.ofMillis(20), Duration.ofSeconds(5),
                        CircuitBreaker.withDefaults(Clock.systemUTC())));
    }
}
