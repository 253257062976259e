package dev.concierge.application.port.out;

import java.util.List;
import java.util.Objects;

/** A turn of the conversation as the model sees it. */
public sealed interface AssistantTurn {

    /** What the visitor wrote. */
    record User(String text) implements AssistantTurn {
        public User {
            Objects.requireNonNull(text, "text");
        }
    }

    /** What the assistant answered, with the tools it asked for, if any. */
    record Assistant(String text, List<AssistantEvent.ToolCall> toolCalls) implements AssistantTurn {
        public Assistant {
            Objects.requireNonNull(text, "text");
            toolCalls = List.copyOf(toolCalls);
        }
    }

    /** The result of a tool the assistant asked for, answering its call of the same id. */
    record ToolResult(String callId, String toolName, String result) implements AssistantTurn {
        public ToolResult {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(toolName, "toolName");
            Objects.requireNonNull(result, "result");
        }
    }
}
