package dev.concierge.application.testing;

import dev.concierge.application.port.out.Conversations;
import dev.concierge.domain.chat.ChatMessage;
import dev.concierge.domain.chat.Conversation;
import dev.concierge.domain.chat.ConversationId;
import dev.concierge.domain.chat.ConversationNotFoundException;
import dev.concierge.domain.tenant.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Conversations in memory, each with its messages in the order they were appended. Every operation holds the store's
 * lock, so concurrent appends to one conversation are all kept, one after another. Every write records its undo step,
 * so it takes part in the transactions of {@link InMemoryTransactions}, which isolate nothing: an append is seen before
 * it commits. For tests and for embedding the core without storage; shared by nothing but this process.
 *
 * <p>Holds the same limits as the database stores: message content of at most {@value #MAX_CONTENT_LENGTH}
 * characters of well-formed text without U+0000, a new conversation without messages, pages of at least one
 * conversation from offset 0 on.
 */
public final class InMemoryConversations implements Conversations {

    /**
     * The longest message content the stores keep, in UTF-16 units (the size of the database column). The port does
     * not state it; a longer message is refused with {@link IllegalArgumentException}, storing nothing.
     */
    public static final int MAX_CONTENT_LENGTH = 20_000;

    /** UUIDs in the order PostgreSQL and H2 sort them: as unsigned bytes, which {@link UUID#compareTo} is not. */
    private static final Comparator<UUID> UUID_ORDER = Comparator
            .comparing(UUID::getMostSignificantBits, Long::compareUnsigned)
            .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);
    private static final Comparator<Conversation> RECENT_FIRST = Comparator
            .comparing(Conversation::lastMessageAt).reversed()
            .thenComparing(conversation -> conversation.id().value(), UUID_ORDER);

    /** A conversation and its messages, oldest first; changed only under the store's lock. */
    private record Stored(Conversation conversation, List<ChatMessage> messages) {
    }

    private final Map<ConversationId, Stored> byId = new HashMap<>();

    @Override
    public Mono<Conversation> start(Conversation conversation) {
        Objects.requireNonNull(conversation, "conversation");
        return Mono.deferContextual(context -> Mono.fromCallable(() -> {
            requireNew(conversation);
            Stored stored = new Stored(conversation, new ArrayList<>());
            synchronized (byId) {
                if (byId.containsKey(conversation.id())) {
                    throw new IllegalStateException("a conversation with id " + conversation.id() + " exists already");
                }
                byId.put(conversation.id(), stored);
            }
            recordUndo(context, () -> byId.remove(conversation.id(), stored));
            return conversation;
        }));
    }

    @Override
    public Mono<Conversation> open(Conversation conversation, ChatMessage first) {
        Objects.requireNonNull(first, "first");
        return Mono.deferContextual(context -> Mono.fromCallable(() -> {
            requireNew(conversation);
            requireStorable(first);
            Instant last = first.at().isAfter(conversation.lastMessageAt()) ? first.at()
                    : conversation.lastMessageAt();
            Stored stored = new Stored(new Conversation(conversation.id(), conversation.tenantId(),
                    conversation.visitorId(), conversation.createdAt(), last, 1), new ArrayList<>(List.of(first)));
            synchronized (byId) {
                if (byId.containsKey(conversation.id())) {
                    throw new IllegalStateException("a conversation with id " + conversation.id() + " exists already");
                }
                byId.put(conversation.id(), stored);
            }
            recordUndo(context, () -> byId.remove(conversation.id(), stored));
            return stored.conversation();
        }));
    }

    @Override
    public Mono<Conversation> append(TenantId tenantId, ConversationId id, ChatMessage message) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(message, "message");
        return Mono.deferContextual(context -> Mono.fromCallable(() -> {
            requireStorable(message);
            Stored before;
            Stored after;
            synchronized (byId) {
                before = byId.get(id);
                if (before == null || !before.conversation().tenantId().equals(tenantId)) {
                    throw new ConversationNotFoundException(id);
                }
                Conversation was = before.conversation();
                Instant last = message.at().isAfter(was.lastMessageAt()) ? message.at() : was.lastMessageAt();
                after = new Stored(new Conversation(was.id(), was.tenantId(), was.visitorId(), was.createdAt(), last,
                        was.messageCount() + 1), before.messages());
                after.messages().add(message);
                byId.put(id, after);
            }
            recordUndo(context, () -> takeBack(id, message, before, after));
            return after.conversation();
        }));
    }

    @Override
    public Mono<Conversation> find(TenantId tenantId, ConversationId id) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(id, "id");
        return Mono.fromSupplier(() -> {
            synchronized (byId) {
                Stored stored = ofTenant(tenantId, id);
                return stored == null ? null : stored.conversation();
            }
        });
    }

    @Override
    public Flux<ChatMessage> messages(TenantId tenantId, ConversationId id, int limit) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(id, "id");
        if (limit < 1) {
            return Flux.error(new IllegalArgumentException("limit must be at least 1, was " + limit));
        }
        return Flux.defer(() -> {
            List<ChatMessage> newest;
            synchronized (byId) {
                Stored stored = ofTenant(tenantId, id);
                List<ChatMessage> all = stored == null ? List.of() : stored.messages();
                newest = List.copyOf(all.subList(Math.max(0, all.size() - limit), all.size()));
            }
            return Flux.fromIterable(newest);
        });
    }

    @Override
    public Flux<Conversation> list(TenantId tenantId, long offset, int limit) {
        Objects.requireNonNull(tenantId, "tenantId");
        if (offset < 0 || limit < 1) {
            return Flux.error(new IllegalArgumentException("offset must be at least 0 and limit at least 1, were "
                    + offset + " and " + limit));
        }
        return Flux.defer(() -> {
            List<Conversation> page;
            synchronized (byId) {
                page = byId.values().stream().map(Stored::conversation)
                        .filter(conversation -> conversation.tenantId().equals(tenantId))
                        .sorted(RECENT_FIRST).skip(offset).limit(limit).toList();
            }
            return Flux.fromIterable(page);
        });
    }

    @Override
    public Mono<Long> count(TenantId tenantId) {
        Objects.requireNonNull(tenantId, "tenantId");
        return Mono.fromSupplier(() -> {
            synchronized (byId) {
                return byId.values().stream()
                        .filter(stored -> stored.conversation().tenantId().equals(tenantId)).count();
            }
        });
    }

    @Override
    public Mono<Boolean> delete(TenantId tenantId, ConversationId id) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(id, "id");
        return Mono.deferContextual(context -> Mono.fromSupplier(() -> {
            Stored deleted;
            synchronized (byId) {
                deleted = ofTenant(tenantId, id);
                if (deleted == null) {
                    return false;
                }
                byId.remove(id);
            }
            recordUndo(context, () -> byId.putIfAbsent(id, deleted));
            return true;
        }));
    }

    /** Refuses what no store keeps: a new conversation that claims messages. */
    static void requireNew(Conversation conversation) {
        if (conversation.messageCount() != 0) {
            throw new IllegalArgumentException("a new conversation holds no messages, this one claims "
                    + conversation.messageCount());
        }
    }

    /**
     * Refuses what the database stores cannot keep exactly: content longer than {@link #MAX_CONTENT_LENGTH}, with the
     * character U+0000 (PostgreSQL refuses it) or with half of a surrogate pair (both databases would store a
     * {@code ?}).
     */
    static void requireStorable(ChatMessage message) {
        String content = message.content();
        if (content.length() > MAX_CONTENT_LENGTH) {
            throw new IllegalArgumentException("a message holds at most " + MAX_CONTENT_LENGTH
                    + " characters, this one " + content.length());
        }
        if (content.indexOf('\u0000') >= 0 || !StandardCharsets.UTF_8.newEncoder().canEncode(content)) {
            throw new IllegalArgumentException("a message holds text without U+0000 and unpaired surrogates");
        }
    }

    /** The tenant's conversation, or {@code null}; call under the lock. */
    private Stored ofTenant(TenantId tenantId, ConversationId id) {
        Stored stored = byId.get(id);
        return stored == null || !stored.conversation().tenantId().equals(tenantId) ? null : stored;
    }

    /**
     * Undoes one append: the message is taken out again and the count goes down; the last-message time goes back too
     * if nothing was appended since.
     */
    private void takeBack(ConversationId id, ChatMessage message, Stored before, Stored after) {
        Stored current = byId.get(id);
        List<ChatMessage> messages = current == null ? List.of() : current.messages();
        int at = messages.size() - 1;
        while (at >= 0 && messages.get(at) != message) {
            at--;
        }
        if (at < 0) {
            return; // deleted since
        }
        messages.remove(at);
        Conversation now = current.conversation();
        Instant last = current == after ? before.conversation().lastMessageAt() : now.lastMessageAt();
        byId.put(id, new Stored(new Conversation(now.id(), now.tenantId(), now.visitorId(), now.createdAt(), last,
                now.messageCount() - 1), messages));
    }

    /** Records {@code undo}, run under the store's lock, for when the surrounding transaction rolls back. */
    private void recordUndo(ContextView context, Runnable undo) {
        InMemoryTransactions.recordUndo(context, () -> {
            synchronized (byId) {
                undo.run();
            }
        });
    }
}
