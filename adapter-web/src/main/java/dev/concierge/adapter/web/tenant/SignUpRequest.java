package dev.concierge.adapter.web.tenant;

import dev.concierge.application.port.in.SignUpCommand;
import java.util.List;

/**
 * The JSON a business sends to sign up. Every field is validated by {@link SignUpCommand#of}, which names each
 * invalid one.
 */
public record SignUpRequest(
        String ownerEmail,
        String password,
        String displayName,
        String clientKey,
        List<String> allowedOrigins,
        String timeZone) {

    SignUpCommand toCommand() {
        return SignUpCommand.of(ownerEmail, password, displayName, clientKey, allowedOrigins, timeZone);
    }

    @Override
    public String toString() {
        return "SignUpRequest[" + ownerEmail + ", " + clientKey + "]";
    }
}
