package dev.concierge.domain.account;

import dev.concierge.domain.shared.DomainException;

/**
 * The e-mail address and password do not belong together. Deliberately one message for an unknown address and for a
 * wrong password, so that nobody learns which addresses have accounts.
 */
public final class SignInFailedException extends DomainException {

    private static final long serialVersionUID = 1L;

    public SignInFailedException() {
        super(Kind.UNAUTHENTICATED, "The e-mail address or the password is wrong.");
    }
}
