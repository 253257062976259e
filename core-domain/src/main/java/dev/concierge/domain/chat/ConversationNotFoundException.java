package dev.concierge.domain.chat;

import dev.concierge.domain.shared.DomainException;

/** The tenant has no conversation with this id (or it was deleted). */
public final class ConversationNotFoundException extends DomainException {

    private static final long serialVersionUID = 1L;

    public ConversationNotFoundException(Object id) {
        super(Kind.NOT_FOUND, "no conversation with id " + id);
    }
}
