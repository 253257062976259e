package dev.concierge.domain.tenant;

import dev.concierge.domain.shared.DomainException;
import dev.concierge.domain.shared.Violation;
import java.util.List;

/**
 * Another tenant already uses this client key.
 */
public final class ClientKeyTakenException extends DomainException {

    private static final long serialVersionUID = 1L;

    public ClientKeyTakenException(ClientKey clientKey) {
        super(Kind.CONFLICT, "client key '" + clientKey + "' is already taken");
    }

    @Override
    public List<Violation> violations() {
        return List.of(new Violation("clientKey", getMessage()));
    }
}
