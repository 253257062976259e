package dev.concierge.application.port.out;

import dev.concierge.domain.chat.ChatMessage;
import dev.concierge.domain.chat.Conversation;
import dev.concierge.domain.chat.ConversationId;
import dev.concierge.domain.tenant.TenantId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where conversations and their messages are kept. Every operation is scoped to one tenant: another tenant's
 * conversation is never found, changed or deleted. Each write is all or nothing, also inside a surrounding
 * {@link Transactions transaction}.
 */
public interface Conversations {

    /** Stores a new conversation; errors with {@link IllegalStateException}, storing nothing, when its id exists. */
    Mono<Conversation> start(Conversation conversation);

    /**
     * Stores a new conversation together with its first message, all or nothing: what {@link #start} and then
     * {@link #append} would store, with the refusals of both (an existing id: {@link IllegalStateException}; content a
     * store cannot keep: {@link IllegalArgumentException}), storing nothing when refused.
     *
     * @param conversation the new conversation, holding no messages yet
     * @return the conversation holding the message
     */
    Mono<Conversation> open(Conversation conversation, ChatMessage first);

    /**
     * Appends a message to the tenant's conversation, after every message stored before it, and moves the
     * conversation's last-message time and count along.
     *
     * @return the conversation after the append; errors with
     *         {@link dev.concierge.domain.chat.ConversationNotFoundException} when the tenant has no such conversation
     */
    Mono<Conversation> append(TenantId tenantId, ConversationId id, ChatMessage message);

    /** @return the tenant's conversation, or empty */
    Mono<Conversation> find(TenantId tenantId, ConversationId id);

    /** @return the conversation's messages in the order they were appended (at most the newest {@code limit}) */
    Flux<ChatMessage> messages(TenantId tenantId, ConversationId id, int limit);

    /** @return one page of the tenant's conversations, the most recent message first (ties by id) */
    Flux<Conversation> list(TenantId tenantId, long offset, int limit);

    /** @return how many conversations the tenant has */
    Mono<Long> count(TenantId tenantId);

    /** Deletes the conversation and all its messages; @return whether it existed */
    Mono<Boolean> delete(TenantId tenantId, ConversationId id);
}
