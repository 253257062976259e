package dev.concierge.adapter.llm.provider;

import dev.concierge.application.port.out.AssistantEvent;
import dev.concierge.application.port.out.AssistantRequest;
import dev.concierge.application.port.out.AssistantTurn;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates a request of the port into langchain4j's {@link ChatRequest}: the system prompt first (left out when
 * blank), then the turns in order — the visitor's messages, the assistant's answers with the tools they asked for, the
 * tools' results — and nothing else; the caller's newest visitor message is the last turn.
 */
final class ChatRequests {

    private ChatRequests() {
    }

    /**
     * @param model the model to ask, already checked against the allowed ones
     * @throws IllegalArgumentException when a tool's parameters are not a JSON object schema
     */
    static ChatRequest toChatRequest(AssistantRequest request, String model) {
        List<ChatMessage> messages = new ArrayList<>(request.history().size() + 1);
        if (!request.systemPrompt().isBlank()) {
            messages.add(SystemMessage.from(request.systemPrompt()));
        }
        for (AssistantTurn turn : request.history()) {
            messages.add(toMessage(turn));
        }
        ChatRequest.Builder chat = ChatRequest.builder().messages(messages).modelName(model);
        if (!request.tools().isEmpty()) {
            chat.toolSpecifications(ToolSchemas.toSpecifications(request.tools()));
        }
        return chat.build();
    }

    private static ChatMessage toMessage(AssistantTurn turn) {
        if (turn instanceof AssistantTurn.User user) {
            return UserMessage.from(user.text());
        }
        if (turn instanceof AssistantTurn.Assistant assistant) {
            List<ToolExecutionRequest> calls = assistant.toolCalls().stream().map(ChatRequests::toRequest).toList();
            String text = assistant.text().isEmpty() && !calls.isEmpty() ? null : assistant.text();
            return AiMessage.builder().text(text).toolExecutionRequests(calls).build();
        }
        AssistantTurn.ToolResult result = (AssistantTurn.ToolResult) turn;
        return ToolExecutionResultMessage.from(result.callId(), result.toolName(), result.result());
    }

    private static ToolExecutionRequest toRequest(AssistantEvent.ToolCall call) {
        return ToolExecutionRequest.builder().id(call.id()).name(call.name()).arguments(call.arguments()).build();
    }
}
