package dev.concierge.adapter.web.recovery;

/** The JSON the reset page sends: the token from the link and the new password. Never printed with either. */
public record NewPasswordRequest(String token, String newPassword) {

    @Override
    public String toString() {
        return "NewPasswordRequest[hidden]";
    }
}
