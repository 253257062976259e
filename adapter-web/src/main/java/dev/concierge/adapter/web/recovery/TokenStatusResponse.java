package dev.concierge.adapter.web.recovery;

/** Whether the token of a link can still be used; whose it is stays unsaid. */
public record TokenStatusResponse(boolean valid) {
}
