package dev.concierge.domain.token;

import dev.concierge.domain.shared.DomainException;
import dev.concierge.domain.shared.Violation;
import java.util.List;

/**
 * A one-time token is unknown, used, or expired. One answer for all three, so that nobody learns which tokens once
 * existed.
 */
public final class TokenNotValidException extends DomainException {

    private static final long serialVersionUID = 1L;

    public TokenNotValidException() {
        super(Kind.GONE, "This link is invalid, was already used, or has expired.");
    }

    @Override
    public List<Violation> violations() {
        return List.of(new Violation("token", "is invalid, used or expired"));
    }
}
