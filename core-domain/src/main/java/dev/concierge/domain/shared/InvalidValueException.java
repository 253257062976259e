package dev.concierge.domain.shared;

/**
 * A single value does not satisfy the rule of the value object it was meant to become.
 * The message describes the rule in a way that can be shown to the person who typed the value.
 */
public final class InvalidValueException extends DomainException {

    private static final long serialVersionUID = 1L;

    public InvalidValueException(String message) {
        super(Kind.INVALID_INPUT, message);
    }
}
