package dev.concierge.adapter.web.recovery;

/** The JSON someone sends to ask for a reset link. */
public record ResetRequest(String email) {
}
