package dev.concierge.domain.account;

import dev.concierge.domain.shared.DomainException;

/**
 * The caller is signed in but their role may not do this, such as an owner calling an administration endpoint.
 */
public final class NotAllowedException extends DomainException {

    private static final long serialVersionUID = 1L;

    public NotAllowedException() {
        super(Kind.FORBIDDEN, "This account may not do this.");
    }
}
