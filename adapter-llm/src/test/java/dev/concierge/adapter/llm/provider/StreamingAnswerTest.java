package dev.concierge.adapter.llm.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.application.port.out.AssistantEvent.TextDelta;
import dev.concierge.application.port.out.AssistantEvent.ToolCall;
import dev.concierge.application.port.out.AssistantEvent.Usage;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.output.TokenUsage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** The bridge from langchain4j's callbacks to a Flux, with a model that calls back as the test says. */
class StreamingAnswerTest {

    static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final ChatRequest REQUEST = ChatRequest.builder().messages(UserMessage.from("Hi")).build();

    @Test
    void theModelIsCalledOffTheSubscribersThreadSoItMayBlock() {
        AtomicReference<String> callingThread = new AtomicReference<>();
        StreamingChatModel blocking = model(handler -> {
            callingThread.set(Thread.currentThread().getName());
            sleep(20); // as langchain4j may while it prepares the call
            handler.onPartialResponse(new PartialResponse("Hi"), new PartialResponseContext(new Handle()));
            handler.onCompleteResponse(response(AiMessage.from("Hi"), new TokenUsage(1, 1)));
        });

        StepVerifier.create(StreamingAnswer.of(blocking, REQUEST).subscribeOn(Schedulers.parallel()))
                .expectNext(new TextDelta("Hi"), new Usage(1, 1))
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(callingThread.get()).startsWith("boundedElastic");
    }

    @Test
    void toolCallsFollowTheTextAndLackingPartsAreFilledIn() {
        StreamingChatModel model = model(handler -> handler.onCompleteResponse(response(AiMessage.from(List.of(
                ToolExecutionRequest.builder().id("call_7").name("propose_booking").arguments("{\"slot\":1}").build(),
                ToolExecutionRequest.builder().name("list_free_slots").arguments("").build())), null)));

        StepVerifier.create(StreamingAnswer.of(model, REQUEST))
                .expectNext(new ToolCall("call_7", "propose_booking", "{\"slot\":1}"),
                        new ToolCall("call_1", "list_free_slots", "{}"),
                        new Usage(0, 0))
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void aToolCallWithoutANameIsAnError() {
        StreamingChatModel model = model(handler -> handler.onCompleteResponse(response(AiMessage.from(List.of(
                ToolExecutionRequest.builder().id("call_1").arguments("{}").build())), null)));

        StepVerifier.create(StreamingAnswer.of(model, REQUEST))
                .expectError(MalformedAnswerException.class)
                .verify(TIMEOUT);
    }

    @Test
    void cancellingClosesTheStreamThroughItsHandle() throws Exception {
        Handle handle = new Handle();
        StreamingChatModel model = model(handler ->
                handler.onPartialResponse(new PartialResponse("Hel"), new PartialResponseContext(handle)));

        StepVerifier.create(StreamingAnswer.of(model, REQUEST))
                .expectNext(new TextDelta("Hel"))
                .thenCancel()
                .verify(TIMEOUT);

        assertThat(handle.cancelled.await(5, TimeUnit.SECONDS)).isTrue();
    }

    private static StreamingChatModel model(Consumer<StreamingChatResponseHandler> behaviour) {
        return new StreamingChatModel() {
            @Override
            public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
                behaviour.accept(handler);
            }
        };
    }

    private static ChatResponse response(AiMessage message, TokenUsage usage) {
        return ChatResponse.builder().aiMessage(message).tokenUsage(usage).build();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Handle implements StreamingHandle {

        final CountDownLatch cancelled = new CountDownLatch(1);

        @Override
        public void cancel() {
            cancelled.countDown();
        }

        @Override
        public boolean isCancelled() {
            return cancelled.getCount() == 0;
        }
    }
}
