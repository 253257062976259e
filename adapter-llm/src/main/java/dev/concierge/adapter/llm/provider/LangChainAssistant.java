package dev.concierge.adapter.llm.provider;

import dev.concierge.adapter.llm.resilience.Resilience;
import dev.concierge.application.port.out.AssistantEvent;
import dev.concierge.application.port.out.AssistantPort;
import dev.concierge.application.port.out.AssistantRequest;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.util.Objects;
import reactor.core.publisher.Flux;

/**
 * The assistant port on a langchain4j {@link StreamingChatModel} (see {@link StreamingChatModels} for OpenAI,
 * OpenAI-compatible servers and Anthropic): translates the request, picks the model, and streams the answer under the
 * {@link Resilience} policy.
 *
 * <p>A tool whose parameters are not a JSON object schema is a programming error of the caller and fails the Flux
 * with {@link IllegalArgumentException}, without calling the provider.
 */
public final class LangChainAssistant implements AssistantPort {

    private final StreamingChatModel model;
    private final ModelChoice models;
    private final Resilience resilience;

    public LangChainAssistant(StreamingChatModel model, ModelChoice models, Resilience resilience) {
        this.model = Objects.requireNonNull(model, "model");
        this.models = Objects.requireNonNull(models, "models");
        this.resilience = Objects.requireNonNull(resilience, "resilience");
    }

    @Override
    public Flux<AssistantEvent> respond(AssistantRequest request) {
        return Flux.defer(() -> {
            ChatRequest chat = ChatRequests.toChatRequest(request, models.choose(request.model()));
            return resilience.guard(() -> StreamingAnswer.of(model, chat));
        });
    }
}
