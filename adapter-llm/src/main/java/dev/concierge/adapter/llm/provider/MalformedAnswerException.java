package dev.concierge.adapter.llm.provider;

/** The provider's answer could be read but made no sense, such as a tool call without a name. */
final class MalformedAnswerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MalformedAnswerException(String message) {
        super(message);
    }
}
