package dev.concierge.domain.booking;

import dev.concierge.domain.shared.DomainException;

/** An idempotency key came again with a request that differs from the one it was first used for. */
public final class IdempotencyKeyReusedException extends DomainException {

    private static final long serialVersionUID = 1L;

    public IdempotencyKeyReusedException() {
        super(Kind.MISMATCH, "This Idempotency-Key was already used for a different booking request. Send the"
                + " original request again, or use a new key for a new request.");
    }
}
