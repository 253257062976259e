package dev.concierge.adapter.web.chat;

import dev.concierge.application.port.in.ConversationsUseCase.ConversationView;
import dev.concierge.domain.chat.Conversation;
import java.time.Instant;
import java.util.List;

/** A conversation with its messages, oldest first. */
public record ConversationResponse(String id, String visitorId, Instant createdAt, Instant lastMessageAt,
        int messageCount, List<Message> messages) {

    /** One message. */
    public record Message(String role, String content, Instant at) {
    }

    /** A conversation in a list, without its messages. */
    public record Summary(String id, String visitorId, Instant createdAt, Instant lastMessageAt, int messageCount) {

        static Summary fromDomain(Conversation conversation) {
            return new Summary(conversation.id().toString(), conversation.visitorId().value(),
                    conversation.createdAt(), conversation.lastMessageAt(), conversation.messageCount());
        }
    }

    static ConversationResponse fromDomain(ConversationView view) {
        Conversation conversation = view.conversation();
        return new ConversationResponse(conversation.id().toString(), conversation.visitorId().value(),
                conversation.createdAt(), conversation.lastMessageAt(), conversation.messageCount(),
                view.messages().stream().map(message -> new Message(message.role().name(), message.content(),
                        message.at())).toList());
    }
}
