package dev.concierge.application.port.in;

import dev.concierge.domain.chat.ChatMessage;
import dev.concierge.domain.chat.Conversation;
import dev.concierge.domain.chat.ConversationId;
import java.util.List;
import reactor.core.publisher.Mono;

/** The owner reads and deletes their assistant's conversations; a visitor's widget restores its own. */
public interface ConversationsUseCase {

    int MAX_PAGE_SIZE = 100;

    /** @return one page, the most recent first, with message counts */
    Mono<ConversationPage> list(Caller.OwnerCaller owner, int page, int size);

    /** @return the conversation with its messages; errors with ConversationNotFoundException */
    Mono<ConversationView> read(Caller.OwnerCaller owner, ConversationId id);

    /** Deletes it with all its messages (data protection); errors with ConversationNotFoundException */
    Mono<Void> delete(Caller.OwnerCaller owner, ConversationId id);

    /**
     * The visitor's own conversation, for a widget that reloads: only when it belongs to this visitor of this
     * tenant, and only the visitor's and the assistant's messages.
     *
     * @return errors with ConversationNotFoundException otherwise
     */
    Mono<ConversationView> restore(PublishedWidget widget, dev.concierge.domain.chat.VisitorId visitor,
            ConversationId id);

    /** A page of conversations. */
    record ConversationPage(List<Conversation> items, int page, int size, long total) {
        public ConversationPage {
            items = List.copyOf(items);
        }
    }

    /** A conversation and its messages, oldest first. */
    record ConversationView(Conversation conversation, List<ChatMessage> messages) {
        public ConversationView {
            messages = List.copyOf(messages);
        }
    }
}
