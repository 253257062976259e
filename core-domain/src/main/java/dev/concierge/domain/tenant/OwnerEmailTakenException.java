package dev.concierge.domain.tenant;

import dev.concierge.domain.shared.DomainException;
import dev.concierge.domain.shared.Violation;
import java.util.List;

/**
 * Another tenant's owner already signed up with this e-mail address.
 */
public final class OwnerEmailTakenException extends DomainException {

    private static final long serialVersionUID = 1L;

    public OwnerEmailTakenException() {
        super(Kind.CONFLICT, "an account with this e-mail address already exists");
    }

    @Override
    public List<Violation> violations() {
        return List.of(new Violation("ownerEmail", getMessage()));
    }
}
