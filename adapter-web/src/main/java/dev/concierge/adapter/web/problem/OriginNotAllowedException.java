package dev.concierge.adapter.web.problem;

/**
 * A widget request came from a web origin that the tenant did not list, or a state-changing widget request came
 * without any origin.
 */
public final class OriginNotAllowedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OriginNotAllowedException(String message) {
        super(message, null, false, false);
    }
}
