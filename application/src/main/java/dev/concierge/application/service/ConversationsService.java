package dev.concierge.application.service;

import dev.concierge.application.port.in.Caller;
import dev.concierge.application.port.in.ConversationsUseCase;
import dev.concierge.application.port.in.PublishedWidget;
import dev.concierge.application.port.out.Conversations;
import dev.concierge.domain.chat.ConversationId;
import dev.concierge.domain.chat.ConversationNotFoundException;
import dev.concierge.domain.chat.MessageRole;
import dev.concierge.domain.chat.VisitorId;
import dev.concierge.domain.tenant.TenantId;
import reactor.core.publisher.Mono;

/** Reading and deleting conversations: the owner sees all of the tenant's, a visitor only their own. */
public final class ConversationsService implements ConversationsUseCase {

    /** The most messages one read returns, the newest kept. */
    static final int MAX_MESSAGES = 500;

    private final Conversations conversations;

    public ConversationsService(Conversations conversations) {
        this.conversations = conversations;
    }

    @Override
    public Mono<ConversationPage> list(Caller.OwnerCaller owner, int page, int size) {
        return Mono.defer(() -> {
            Paging.check(page, size, MAX_PAGE_SIZE);
            return Mono.zip(conversations.list(owner.tenantId(), (long) page * size, size).collectList(),
                            conversations.count(owner.tenantId()))
                    .map(found -> new ConversationPage(found.getT1(), page, size, found.getT2()));
        });
    }

    @Override
    public Mono<ConversationView> read(Caller.OwnerCaller owner, ConversationId id) {
        return view(owner.tenantId(), id);
    }

    @Override
    public Mono<Void> delete(Caller.OwnerCaller owner, ConversationId id) {
        return conversations.delete(owner.tenantId(), id)
                .flatMap(deleted -> deleted ? Mono.<Void>empty() : Mono.error(new ConversationNotFoundException(id)));
    }

    @Override
    public Mono<ConversationView> restore(PublishedWidget widget, VisitorId visitor, ConversationId id) {
        return conversations.find(widget.tenantId(), id)
                .filter(conversation -> conversation.visitorId().equals(visitor))
                .switchIfEmpty(Mono.error(() -> new ConversationNotFoundException(id)))
                .flatMap(conversation -> conversations.messages(widget.tenantId(), id, MAX_MESSAGES)
                        .filter(message -> message.role() != MessageRole.TOOL)
                        .collectList()
                        .map(messages -> new ConversationView(conversation, messages)));
    }

    private Mono<ConversationView> view(TenantId tenantId, ConversationId id) {
        return conversations.find(tenantId, id)
                .switchIfEmpty(Mono.error(() -> new ConversationNotFoundException(id)))
                .flatMap(conversation -> conversations.messages(tenantId, id, MAX_MESSAGES).collectList()
                        .map(messages -> new ConversationView(conversation, messages)));
    }
}
