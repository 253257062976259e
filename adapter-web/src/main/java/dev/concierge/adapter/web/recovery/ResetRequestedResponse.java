package dev.concierge.adapter.web.recovery;

/** The answer to every accepted reset request, the same whether or not the address has an account. */
public record ResetRequestedResponse(String message) {
}
