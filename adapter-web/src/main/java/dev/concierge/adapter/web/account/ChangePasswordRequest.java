package dev.concierge.adapter.web.account;

/**
 * The JSON an owner sends to change their password. Never printed.
 */
public record ChangePasswordRequest(String currentPassword, String newPassword) {

    @Override
    public String toString() {
        return "ChangePasswordRequest[hidden]";
    }
}
