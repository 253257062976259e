package dev.concierge.domain.tenant;

import dev.concierge.domain.shared.DomainException;

/**
 * Another tenant's owner already signed up with this e-mail address.
 */
public final class OwnerEmailTakenException extends DomainException {

    private static final long serialVersionUID = 1L;

    public OwnerEmailTakenException() {
        super("an account with this e-mail address already exists");
    }
}
