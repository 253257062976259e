package dev.concierge.adapter.web.recovery;

/** The JSON the verification page sends: the token from the link. Never printed with it. */
public record VerificationRequest(String token) {

    @Override
    public String toString() {
        return "VerificationRequest[hidden]";
    }
}
