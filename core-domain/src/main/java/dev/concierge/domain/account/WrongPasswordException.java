package dev.concierge.domain.account;

import dev.concierge.domain.shared.DomainException;
import dev.concierge.domain.shared.Violation;
import java.util.List;

/**
 * A signed-in owner confirmed a change with a password that is not their current one. Forbidden rather than
 * unauthenticated: the session is fine, the confirmation is not.
 */
public final class WrongPasswordException extends DomainException {

    private static final long serialVersionUID = 1L;

    public WrongPasswordException() {
        super(Kind.FORBIDDEN, "The current password is not correct.");
    }

    @Override
    public List<Violation> violations() {
        return List.of(new Violation("currentPassword", "is not correct"));
    }
}
