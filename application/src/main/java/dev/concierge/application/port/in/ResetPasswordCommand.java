package dev.concierge.application.port.in;

import dev.concierge.domain.shared.Violations;
import dev.concierge.domain.tenant.PlainPassword;
import java.util.Objects;

/**
 * The owner chose a new password on the page a reset link opened.
 *
 * @param token the secret from the link, as it arrived; an impossible one is answered like an unknown one
 */
public record ResetPasswordCommand(String token, PlainPassword newPassword) {

    public ResetPasswordCommand {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(newPassword, "newPassword");
    }

    /**
     * @throws dev.concierge.domain.shared.ValidationException naming {@code token} when it is missing and
     *         {@code newPassword} when it breaks the password policy
     */
    public static ResetPasswordCommand of(String token, String newPassword) {
        Violations violations = new Violations();
        if (token == null || token.isEmpty()) {
            violations.add("token", "is required");
        }
        PlainPassword password = violations.field("newPassword", newPassword, PlainPassword::of);
        violations.throwIfAny();
        return new ResetPasswordCommand(token, password);
    }
}
