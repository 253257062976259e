package dev.concierge.domain.tenant;

import dev.concierge.domain.shared.DomainException;

/**
 * Another tenant already uses this client key.
 */
public final class ClientKeyTakenException extends DomainException {

    private static final long serialVersionUID = 1L;

    public ClientKeyTakenException(ClientKey clientKey) {
        super("client key '" + clientKey + "' is already taken");
    }
}
