package dev.concierge.adapter.persistence.chat;

import static dev.concierge.adapter.persistence.chat.ConversationRow.utc;

import dev.concierge.domain.chat.ChatMessage;
import dev.concierge.domain.chat.MessageRole;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A row of the {@code chat_message} table, mapped by Spring Data: one message of a conversation, under its place
 * ({@code seq}, from 1) in the order of appending. The key spans two columns, which Spring Data does not map as an id;
 * the adapter only inserts and reads these rows, never updates them.
 */
@Table("chat_message")
record ChatMessageRow(UUID conversationId, int seq, UUID tenantId, String role, String content, OffsetDateTime at,
        int tokens) {

    static ChatMessageRow fromDomain(UUID conversationId, int seq, UUID tenantId, ChatMessage message) {
        return new ChatMessageRow(conversationId, seq, tenantId, message.role().name(), message.content(),
                utc(message.at()), message.tokens());
    }

    /** The message as stored; a row that no longer passes the domain's checks is a technical fault. */
    ChatMessage toDomain() {
        try {
            return new ChatMessage(MessageRole.valueOf(role), content, at.toInstant(), tokens);
        } catch (RuntimeException e) {
            throw new IllegalStateException("message " + seq + " of conversation " + conversationId
                    + " is not valid: " + e.getMessage(), e);
        }
    }
}
