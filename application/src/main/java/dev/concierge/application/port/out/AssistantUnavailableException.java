package dev.concierge.application.port.out;

/**
 * The model could not answer: the provider was down, slow, refused the request or sent something unreadable, and
 * retrying (where it could help) did not. The chat answers with a fallback instead; the message says why, for the
 * log, and never holds an API key.
 */
public final class AssistantUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AssistantUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
