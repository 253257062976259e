package dev.concierge.application.port.out;

/**
 * Another booking of the tenant was stored with the same idempotency key: a retry that raced the first request, or
 * the key reused. The caller looks the first booking up to tell which.
 */
public final class IdempotencyKeyTakenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IdempotencyKeyTakenException(String key) {
        super("a booking with idempotency key " + key + " exists already", null, false, false);
    }
}
