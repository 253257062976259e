package dev.concierge.adapter.web.account;

/**
 * The JSON someone sends to sign in. Never printed with its password.
 */
public record LoginRequest(String email, String password) {

    @Override
    public String toString() {
        return "LoginRequest[" + email + "]";
    }
}
