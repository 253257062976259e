package dev.concierge.application.port.out;

import java.util.Objects;

/** What the model streams back while it answers. */
public sealed interface AssistantEvent {

    /** The next piece of the answer's text. */
    record TextDelta(String text) implements AssistantEvent {
        public TextDelta {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * The model asks for a tool.
     *
     * @param arguments the arguments as a JSON object, as the model wrote them (untrusted)
     */
    record ToolCall(String id, String name, String arguments) implements AssistantEvent {
        public ToolCall {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(arguments, "arguments");
        }
    }

    /** What the turn cost, in the provider's tokens; the last event of a turn. */
    record Usage(int inputTokens, int outputTokens) implements AssistantEvent {
        public int total() {
            return inputTokens + outputTokens;
        }
    }
}
