package dev.concierge.application.port.out;

/**
 * A mail was not accepted. {@linkplain #permanent() Permanent} when trying again cannot help (the server refused the
 * recipient for good); otherwise the cause may pass (the server is down, slow, or busy).
 */
public final class MailDeliveryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean permanent;

    public MailDeliveryException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
