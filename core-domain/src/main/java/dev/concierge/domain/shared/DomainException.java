package dev.concierge.domain.shared;

/**
 * Root of the expected business outcomes that stop an operation: invalid input, conflicts, unknown things.
 * Technical faults are never modelled as domain exceptions.
 */
public abstract class DomainException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected DomainException(String message) {
        super(message, null, false, false);
    }
}
