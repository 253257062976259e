package dev.concierge.adapter.llm.provider;

import dev.concierge.application.port.out.AssistantEvent;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.scheduler.Schedulers;

/**
 * One streamed answer of a langchain4j model as a Flux: each piece of text as a {@link AssistantEvent.TextDelta} the
 * moment the model's callback delivers it, then the complete tool calls, then the {@link AssistantEvent.Usage}.
 *
 * <p>The call is started on the bounded elastic scheduler, because preparing it (JSON, the HTTP client's connection
 * set-up) may block; the callbacks then arrive on the HTTP client's own threads. A cancelled subscription (also by a
 * timeout) closes the response stream through langchain4j's handle as soon as the first piece of text has brought
 * one; what still arrives is dropped.
 */
final class StreamingAnswer {

    private StreamingAnswer() {
    }

    static Flux<AssistantEvent> of(StreamingChatModel model, ChatRequest request) {
        return Flux.<AssistantEvent>create(sink -> model.chat(request, new Handler(sink)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private static final class Handler implements StreamingChatResponseHandler {

        private final FluxSink<AssistantEvent> sink;
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final AtomicReference<StreamingHandle> handle = new AtomicReference<>();

        Handler(FluxSink<AssistantEvent> sink) {
            this.sink = sink;
            sink.onCancel(() -> {
                cancelled.set(true);
                StreamingHandle current = handle.get();
                if (current != null) {
                    cancel(current);
                }
            });
        }

        @Override
        public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            handle.set(context.streamingHandle());
            if (cancelled.get()) {
                cancel(context.streamingHandle());
                return;
            }
            sink.next(new AssistantEvent.TextDelta(partial.text()));
        }

        @Override
        public void onPartialResponse(String text) {
            // Only called by a model that does not offer a handle to cancel with.
            sink.next(new AssistantEvent.TextDelta(text));
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            List<ToolExecutionRequest> calls = response.aiMessage() == null ? List.of()
                    : response.aiMessage().toolExecutionRequests();
            List<AssistantEvent.ToolCall> toolCalls = new ArrayList<>(calls.size());
            for (ToolExecutionRequest call : calls) {
                if (call.name() == null || call.name().isBlank()) {
                    sink.error(new MalformedAnswerException("the model asked for a tool without a name"));
                    return;
                }
                toolCalls.add(toolCall(call, toolCalls.size()));
            }
            toolCalls.forEach(sink::next);
            sink.next(usage(response.tokenUsage()));
            sink.complete();
        }

        @Override
        public void onError(Throwable error) {
            sink.error(error);
        }

        /** Closes the response stream, which may wait on the HTTP client's locks: not on the canceller's thread. */
        private static void cancel(StreamingHandle handle) {
            Schedulers.boundedElastic().schedule(handle::cancel);
        }

        private static AssistantEvent.ToolCall toolCall(ToolExecutionRequest call, int index) {
            String id = call.id() == null || call.id().isBlank() ? "call_" + index : call.id();
            String arguments = call.arguments() == null || call.arguments().isBlank() ? "{}" : call.arguments();
            return new AssistantEvent.ToolCall(id, call.name(), arguments);
        }

        private static AssistantEvent.Usage usage(TokenUsage usage) {
            if (usage == null) {
                return new AssistantEvent.Usage(0, 0);
            }
            return new AssistantEvent.Usage(orZero(usage.inputTokenCount()), orZero(usage.outputTokenCount()));
        }

        private static int orZero(Integer count) {
            return count == null ? 0 : count;
        }
    }
}
