package dev.concierge.application.port.out;

import java.util.List;
import java.util.Objects;

/**
 * One turn for the model.
 *
 * @param systemPrompt the tenant's instructions, always sent first
 * @param history      the conversation before this turn, oldest first, already trimmed to the budget
 * @param tools        the tools the model may ask for
 * @param model        the model to use, or {@code null} for the configured default
 */
public record AssistantRequest(String systemPrompt, List<AssistantTurn> history, List<ToolSpec> tools, String model) {

    public AssistantRequest {
        Objects.requireNonNull(systemPrompt, "systemPrompt");
        history = List.copyOf(history);
        tools = List.copyOf(tools);
    }
}
