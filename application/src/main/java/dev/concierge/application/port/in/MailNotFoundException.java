package dev.concierge.application.port.in;

import dev.concierge.domain.shared.DomainException;

/** No queued mail has this id (it may have been purged after it was sent). */
public final class MailNotFoundException extends DomainException {

    private static final long serialVersionUID = 1L;

    public MailNotFoundException(Object id) {
        super(Kind.NOT_FOUND, "no mail with id " + id);
    }
}
