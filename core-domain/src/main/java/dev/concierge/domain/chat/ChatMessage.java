package dev.concierge.domain.chat;

import java.time.Instant;
import java.util.Objects;

/**
 * One message of a conversation, as stored: the server's record, never the browser's.
 *
 * @param tokens what the message cost or counted for at the model (0 when not known)
 */
public record ChatMessage(MessageRole role, String content, Instant at, int tokens) {

    public ChatMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(at, "at");
        if (tokens < 0) {
            throw new IllegalArgumentException("a message costs no negative tokens");
        }
    }
}
