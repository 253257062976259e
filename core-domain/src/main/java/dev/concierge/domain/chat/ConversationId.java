package dev.concierge.domain.chat;

import java.util.Objects;
import java.util.UUID;

/** Identifies a conversation; the widget keeps it to continue the conversation after a reload. */
public record ConversationId(UUID value) {

    public ConversationId {
        Objects.requireNonNull(value, "value");
    }

    public static ConversationId random() {
        return new ConversationId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
