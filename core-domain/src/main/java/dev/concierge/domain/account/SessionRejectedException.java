package dev.concierge.domain.account;

import dev.concierge.domain.shared.DomainException;

/**
 * A request carried no session, or one that is not valid: malformed, signed by someone else, expired, or revoked.
 * Deliberately one message for all of them; the caller signs in again.
 */
public final class SessionRejectedException extends DomainException {

    private static final long serialVersionUID = 1L;

    public SessionRejectedException() {
        super(Kind.UNAUTHENTICATED, "Sign in to continue; the session is missing, expired or no longer valid.");
    }
}
